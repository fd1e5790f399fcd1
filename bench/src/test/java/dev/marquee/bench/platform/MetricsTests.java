package dev.marquee.bench.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class MetricsTests {

	private static final String BEFORE = """
			# HELP marquee_cassandra_row_visible_seconds Ingestion accept time to read-table row written
			# TYPE marquee_cassandra_row_visible_seconds histogram
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="0.01"} 10
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="0.05"} 10
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="0.1"} 10
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="+Inf"} 10
			marquee_cassandra_row_visible_seconds_count{application="data-consumer"} 10
			marquee_cassandra_row_visible_seconds_sum{application="data-consumer"} 0.05
			marquee_hollow_cycle_seconds{outcome="success",quantile="0.99"} 0.25
			""";

	private static final String AFTER = """
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="0.01"} 10
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="0.05"} 60
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="0.1"} 110
			marquee_cassandra_row_visible_seconds_bucket{application="data-consumer",le="+Inf"} 110
			marquee_cassandra_row_visible_seconds_count{application="data-consumer"} 110
			marquee_cassandra_row_visible_seconds_sum{application="data-consumer"} 5.05
			marquee_hollow_cycle_seconds{outcome="success",quantile="0.99"} 0.5 1700000000000
			label_with_escapes{text="a \\"quoted\\", comma"} 1
			""";

	@Test
	void parsesNamesLabelsAndValues() {
		Metrics metrics = Metrics.parse(AFTER);
		assertThat(metrics.sum("marquee_hollow_cycle_seconds", Map.of("quantile", "0.99"))).hasValue(0.5);
		assertThat(metrics.samples()).anySatisfy((sample) -> {
			assertThat(sample.name()).isEqualTo("label_with_escapes");
			assertThat(sample.labels()).containsEntry("text", "a \"quoted\", comma");
		});
	}

	@Test
	void computesQuantilesOfOnlyTheObservationsBetweenTwoScrapes() {
		Metrics before = Metrics.parse(BEFORE);
		Metrics after = Metrics.parse(AFTER);
		// 100 new observations: 50 in (10 ms, 50 ms], 50 in (50 ms, 100 ms]; the 10 older
		// ones under 10 ms are ignored.
		assertThat(after.countSince(before, "marquee_cassandra_row_visible_seconds", Map.of())).isEqualTo(100);
		assertThat(after.quantileSince(before, "marquee_cassandra_row_visible_seconds", Map.of(), 0.5).getAsDouble())
			.isEqualTo(0.05, offset(1e-9));
		assertThat(after.quantileSince(before, "marquee_cassandra_row_visible_seconds", Map.of(), 0.99).getAsDouble())
			.isEqualTo(0.099, offset(1e-9));
		assertThat(after.quantileSince(before, "marquee_cassandra_row_visible_seconds", Map.of(), 0.25).getAsDouble())
			.isEqualTo(0.03, offset(1e-9));
	}

	@Test
	void hasNoQuantileWhenNothingWasObserved() {
		Metrics before = Metrics.parse(BEFORE);
		assertThat(before.quantileSince(before, "marquee_cassandra_row_visible_seconds", Map.of(), 0.5)).isEmpty();
		assertThat(Metrics.EMPTY.quantileSince(Metrics.EMPTY, "missing", Map.of(), 0.5)).isEmpty();
	}

	@Test
	void answersTheLowerBoundWhenTheQuantileFallsInTheOpenBucket() {
		Metrics after = Metrics.parse("""
				x_bucket{le="0.1"} 1
				x_bucket{le="+Inf"} 10
				""");
		assertThat(after.quantileSince(Metrics.EMPTY, "x", Map.of(), 0.99).getAsDouble()).isEqualTo(0.1);
	}

	@Test
	void measuresCounterIncreases() {
		assertThat(Metrics.parse(AFTER)
			.increase(Metrics.parse(BEFORE), "marquee_cassandra_row_visible_seconds_sum", Map.of())
			.getAsDouble()).isEqualTo(5.0, offset(1e-9));
	}

}
