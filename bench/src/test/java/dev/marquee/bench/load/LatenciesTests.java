package dev.marquee.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class LatenciesTests {

	@Test
	void summarizesPercentilesInMilliseconds() {
		Latencies latencies = new Latencies();
		for (int i = 1; i <= 1000; i++) {
			latencies.record(i * 1_000_000L);
		}
		LatencySummary summary = latencies.summary();
		assertThat(summary.count()).isEqualTo(1000);
		assertThat(summary.p50Ms()).isEqualTo(500, offset(1.0));
		assertThat(summary.p90Ms()).isEqualTo(900, offset(1.0));
		assertThat(summary.p99Ms()).isEqualTo(990, offset(1.0));
		assertThat(summary.p999Ms()).isEqualTo(999, offset(1.0));
		assertThat(summary.maxMs()).isEqualTo(1000, offset(1.0));
		assertThat(summary.meanMs()).isEqualTo(500.5, offset(1.0));
	}

	@Test
	void isEmptyWithoutValues() {
		assertThat(new Latencies().summary()).isEqualTo(LatencySummary.EMPTY);
	}

	@Test
	void addsAnotherDistributionAndItsErrors() {
		Latencies a = new Latencies();
		a.record(1_000_000);
		Latencies b = new Latencies();
		b.record(3_000_000);
		b.error();
		a.add(b);
		assertThat(a.count()).isEqualTo(2);
		assertThat(a.errors()).isEqualTo(1);
		assertThat(a.summary().maxMs()).isEqualTo(3.0, offset(0.01));
	}

	@Test
	void clampsNegativeValuesToZero() {
		Latencies latencies = new Latencies();
		latencies.record(-5);
		assertThat(latencies.summary().maxMs()).isZero();
	}

	@Test
	void listsPercentilesInChartOrder() {
		assertThat(new LatencySummary(1, 1, 2, 3, 4, 5, 2).percentiles()).containsExactly(
				org.assertj.core.api.Assertions.entry("p50", 1.0), org.assertj.core.api.Assertions.entry("p90", 2.0),
				org.assertj.core.api.Assertions.entry("p99", 3.0), org.assertj.core.api.Assertions.entry("p99.9", 4.0),
				org.assertj.core.api.Assertions.entry("max", 5.0));
	}

}
