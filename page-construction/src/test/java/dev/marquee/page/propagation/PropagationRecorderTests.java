package dev.marquee.page.propagation;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.page.TestPages;
import dev.marquee.page.propagation.PropagationRecorder.PropagationReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PropagationRecorderTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final PropagationRecorder recorder = new PropagationRecorder(this.registry);

	private final Instant ingested = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void reportsPercentilesPerPathAndFeedsTheTimer() {
		for (int i = 1; i <= 100; i++) {
			this.recorder.visible(ReadPath.HOLLOW, page("p" + i, i), this.ingested.plusMillis(i));
		}
		this.recorder.visible(ReadPath.KAFKA_CASSANDRA, page("p1", 1), this.ingested.plusSeconds(20));
		PropagationReport report = this.recorder.report();
		assertThat(report.paths().get(ReadPath.HOLLOW).count()).isEqualTo(100);
		assertThat(report.paths().get(ReadPath.HOLLOW).p50Ms()).isCloseTo(50, within(0.5));
		assertThat(report.paths().get(ReadPath.HOLLOW).p99Ms()).isCloseTo(99, within(0.5));
		assertThat(report.paths().get(ReadPath.KAFKA_CASSANDRA).maxMs()).isCloseTo(20_000, within(20.0));
		assertThat(this.registry.get("marquee.propagation").tag("path", "HOLLOW").timer().count()).isEqualTo(100);
	}

	@Test
	void recentEditsShowWhenEachPathSawTheVersionNewestFirst() {
		this.recorder.visible(ReadPath.HOLLOW, page("a", 1), this.ingested.plusMillis(30));
		this.recorder.visible(ReadPath.HOLLOW, page("b", 2), this.ingested.plusMillis(40));
		this.recorder.visible(ReadPath.KAFKA_CASSANDRA, page("a", 1), this.ingested.plusSeconds(12));
		PropagationReport report = this.recorder.report();
		assertThat(report.recentEdits()).extracting(PropagationRecorder.RecentEditView::pageId)
			.containsExactly("b", "a");
		PropagationRecorder.RecentEditView a = report.recentEdits().get(1);
		assertThat(a.latencyMs()).containsEntry(ReadPath.HOLLOW, 30L).containsEntry(ReadPath.KAFKA_CASSANDRA, 12_000L);
	}

	@Test
	void keepsOnlyTheLastTwoHundredEdits() {
		for (int i = 0; i < 250; i++) {
			this.recorder.visible(ReadPath.HOLLOW, page("p" + i, i), this.ingested.plus(Duration.ofMillis(5)));
		}
		assertThat(this.recorder.report().recentEdits()).hasSize(PropagationRecorder.RECENT_EDITS)
			.first()
			.satisfies((edit) -> assertThat(edit.pageId()).isEqualTo("p249"));
	}

	@Test
	void clockSkewCountsAsZeroNotNegative() {
		this.recorder.visible(ReadPath.HOLLOW, page("a", 1), this.ingested.minusMillis(50));
		assertThat(this.recorder.report().paths().get(ReadPath.HOLLOW).maxMs()).isZero();
	}

	private Page page(String pageId, long version) {
		return TestPages.page(pageId, "slug-" + pageId, Stage.PUBLISHED, version, "h", this.ingested);
	}

}
