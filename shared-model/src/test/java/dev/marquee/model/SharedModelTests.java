package dev.marquee.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.writelog.WriteLogBatch;
import dev.marquee.model.writelog.WriteLogEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SharedModelTests {

	@Test
	void pageChangeSurvivesJsonRoundTrip() {
		PageChanged change = PageChanged.upserted(TestPages.page("p-1", 42L), "old-slug");

		PageChanged read = MarqueeJson.readPageChanged(MarqueeJson.write(change));

		assertThat(read).isEqualTo(change);
		assertThat(read.previousSlug()).isEqualTo("old-slug");
	}

	@Test
	void instantsAreWrittenAsIsoStrings() {
		String json = new String(MarqueeJson.write(PageChanged.upserted(TestPages.page("p-1", 1L), null)));

		assertThat(json).contains("\"ingestedAt\":\"2026-11-26T10:15:30.123Z\"");
	}

	@Test
	void deleteNeedsNoPage() {
		PageChanged change = PageChanged.deleted("p-1", Stage.PUBLISHED, "home", 7L, Instant.EPOCH, "t");

		assertThat(MarqueeJson.readPageChanged(MarqueeJson.write(change))).isEqualTo(change);
	}

	@Test
	void upsertWithoutPageIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PageChanged(PageChanged.ChangeKind.UPSERTED, "p",
				Stage.PUBLISHED, "s", null, 1L, Instant.EPOCH, "t", null));
	}

	@Test
	void consistencyTokenRoundTripsThroughItsOpaqueForm() {
		ConsistencyToken token = new ConsistencyToken(Map.of(0, 12L, 5, 3L), 20261126L, Map.of("p-1", 99L));

		String encoded = token.encode();

		assertThat(encoded).matches("[A-Za-z0-9_-]+");
		assertThat(ConsistencyToken.decode(encoded)).isEqualTo(token);
	}

	@Test
	void consistencyTokenWithoutHollowPositionRoundTrips() {
		ConsistencyToken token = new ConsistencyToken(Map.of(1, 2L), null, Map.of());

		assertThat(ConsistencyToken.decode(token.encode())).isEqualTo(token);
	}

	@Test
	void mergedTokenHoldsTheHighestPositionOfBothWrites() {
		ConsistencyToken first = new ConsistencyToken(Map.of(0, 12L, 1, 4L), 7L, Map.of("p-1", 99L, "p-2", 5L));
		ConsistencyToken second = new ConsistencyToken(Map.of(0, 10L, 2, 1L), 9L, Map.of("p-1", 98L, "p-3", 1L));

		ConsistencyToken merged = first.merge(second);

		assertThat(merged.kafkaOffsets()).isEqualTo(Map.of(0, 12L, 1, 4L, 2, 1L));
		assertThat(merged.hollowOffset()).isEqualTo(9L);
		assertThat(merged.pageVersions()).isEqualTo(Map.of("p-1", 99L, "p-2", 5L, "p-3", 1L));
		assertThat(first.merge(new ConsistencyToken(Map.of(), null, Map.of())).hollowOffset()).isEqualTo(7L);
	}

	@Test
	void writeLogBatchSurvivesJsonRoundTrip() {
		PageChanged change = PageChanged.upserted(TestPages.page("p-1", 42L), null);
		WriteLogBatch batch = new WriteLogBatch("log-1", List.of(new WriteLogEntry(3, change)), 3, 2, 17);

		WriteLogBatch read = MarqueeJson.mapper()
			.readValue(MarqueeJson.mapper().writeValueAsBytes(batch), WriteLogBatch.class);

		assertThat(read).isEqualTo(batch);
	}

	@Test
	void garbageIsNotAToken() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.decode("not a token!"))
			.isInstanceOf(ConsistencyToken.InvalidConsistencyTokenException.class);
		assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.decode("e30"));
	}

	@Test
	void versionsIncreaseEvenWhenTheClockStandsStill() {
		ContentVersionClock clock = new ContentVersionClock(
				Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));

		long first = clock.next();
		long second = clock.next();

		assertThat(first).isEqualTo(Instant.parse("2026-11-26T00:00:00Z").toEpochMilli() * 1000);
		assertThat(second).isEqualTo(first + 1);
	}

	@Test
	void versionsStayAboveAnObservedVersion() {
		ContentVersionClock clock = new ContentVersionClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

		clock.observe(1_000_000L);

		assertThat(clock.next()).isEqualTo(1_000_001L);
	}

	@Test
	void readSchemaUsesUnifiedCompactionForEveryTable() {
		assertThat(ReadSchema.statements()).first().asString().startsWith("CREATE KEYSPACE IF NOT EXISTS marquee_read");
		assertThat(ReadSchema.statements()).filteredOn((s) -> s.startsWith("CREATE TABLE"))
			.hasSize(6)
			.allSatisfy((s) -> assertThat(s).contains("UnifiedCompactionStrategy"));
	}

}
