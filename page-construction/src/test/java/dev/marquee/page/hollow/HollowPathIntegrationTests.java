package dev.marquee.page.hollow;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;
import dev.marquee.page.TestPages;
import dev.marquee.page.source.PageSource;
import dev.marquee.page.source.PageSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HollowPathIntegrationTests extends IntegrationTestSupport {

	@Autowired
	PageSources sources;

	@Test
	void servesPagesProducedByARealHollowProducer() {
		long version = nextVersion();
		publishHollow(page("h-1", "h-served", Stage.PUBLISHED, version, "Hello Hollow"),
				page("h-1", "h-served", Stage.PREVIEW, version, "Hello Hollow"));
		HttpResponse<String> response = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/h-served?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);
		assertThat(response.headers().firstValue(MarqueeHeaders.READ_PATH)).contains("HOLLOW");
		assertThat(response.headers().firstValue(MarqueeHeaders.CONTENT_VERSION)).contains(Long.toString(version));
		assertThat(heading(response)).isEqualTo("Hello Hollow");
		assertThat(json(response).path("elements").path(2).path("talent").path(0).path("name").asString())
			.isEqualTo("Millie Bobby Brown");
		assertThat(json(get("/pages?readPath=HOLLOW&size=1000", null)).path("items").toString()).contains("h-served");
	}

	@Test
	void aPreviewWithTheWritesTokenSeesTheWriteImmediately() {
		for (int edit = 0; edit < 5; edit++) {
			long version = nextVersion();
			String heading = "Edit " + edit;
			long hollowOffset = publishHollow(page("h-2", "h-raw", Stage.PREVIEW, version, heading),
					page("h-2", "h-raw", Stage.PUBLISHED, version, heading));
			String token = new ConsistencyToken(Map.of(), hollowOffset, Map.of("h-2", version)).encode();
			HttpResponse<String> preview = get("/preview/pages/h-raw?readPath=HOLLOW", EDITOR,
					MarqueeHeaders.CONSISTENCY_TOKEN, token);
			assertThat(preview.statusCode()).isEqualTo(200);
			assertThat(heading(preview)).isEqualTo(heading);
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> json(get("/api/propagation", null)).path("paths").path("HOLLOW").path("count").asLong() > 0);
	}

	@Test
	void draftsAreOnlyOnThePreviewApi() {
		publishHollow(page("h-3", "h-draft", Stage.PREVIEW, nextVersion(), "Hollow draft"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/preview/pages/h-draft?readPath=HOLLOW", EDITOR).statusCode() == 200);
		assertThat(get("/pages/h-draft?readPath=HOLLOW", null).statusCode()).isEqualTo(404);
		assertThat(get("/pages?readPath=HOLLOW&size=1000", null).body()).doesNotContain("h-draft");
	}

	@Test
	void aTokenAheadOfTheProducerTimesOutNamingTheHollowPath() {
		long announced = publishHollow();
		String ahead = new ConsistencyToken(Map.of(), announced + 1_000_000, Map.of()).encode();
		HttpResponse<String> response = get("/preview/pages/h-served?readPath=HOLLOW", EDITOR,
				MarqueeHeaders.CONSISTENCY_TOKEN, ahead);
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(json(response).path("readPath").asString()).isEqualTo("HOLLOW");
		assertThat(json(response).path("behindBy").asLong()).isPositive();
	}

	@Test
	void withoutAWriteLogTheOverlayStaysOff() {
		assertThat(json(get("/admin/hollow/overlay", ADMIN)).path("available").asBoolean()).isFalse();
		assertThat(json(get("/admin/hollow/overlay", ADMIN)).path("enabled").asBoolean()).isFalse();
		HttpResponse<String> on = put("/admin/hollow/overlay", "{\"enabled\":true}", ADMIN);
		assertThat(on.statusCode()).isEqualTo(409);
		assertThat(json(on).path("type").asString()).isEqualTo("https://marquee.dev/problems/overlay-unavailable");
	}

	@Test
	void buildsAFiftyElementPageFromMemoryWithoutIo() {
		long version = nextVersion();
		publishHollow(TestPages.largePage("h-5", "h-large", Stage.PUBLISHED, version, 50));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/h-large?readPath=HOLLOW", null).statusCode() == 200);
		PageSource hollow = this.sources.get(ReadPath.HOLLOW);
		Histogram micros = new Histogram(3);
		for (int i = 0; i < 10_000; i++) {
			long start = System.nanoTime();
			Page page = hollow.find("h-large", Stage.PUBLISHED).orElseThrow();
			long took = System.nanoTime() - start;
			assertThat(page.elements()).hasSize(50);
			if (i >= 5_000) {
				micros.recordValue(took / 1000);
			}
		}
		System.out.printf("HOLLOW 50-element page build: p50 %d µs, p99 %d µs, max %d µs%n",
				micros.getValueAtPercentile(50), micros.getValueAtPercentile(99), micros.getMaxValue());
		// The median shows the per-request work (an index lookup and materializing the
		// page, no I/O); the tail on
		// a shared 2-core machine is scheduling and GC, which the benchmark measures on a
		// quiet machine.
		assertThat(micros.getValueAtPercentile(50)).isLessThan(1_000);
	}

}
