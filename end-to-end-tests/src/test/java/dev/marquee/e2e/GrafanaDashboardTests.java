package dev.marquee.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrafanaDashboardTests {

	@Test
	void metricNamesLeaveOutFunctionsKeywordsLabelsAndRanges() {
		assertThat(GrafanaDashboard.metricNames("histogram_quantile(0.99, sum by (le, path) "
				+ "(rate(marquee_propagation_seconds_bucket{path=~\"HOLLOW|KAFKA\"}[1m])))"))
			.containsExactly("marquee_propagation_seconds_bucket");
		assertThat(GrafanaDashboard.metricNames("sum(rate(a_sum[1m])) / sum without (x) (rate(a_count[5m])) > 0.5"))
			.containsExactly("a_count", "a_sum");
	}

	@Test
	void theShippedDashboardQueriesMarqueeMetrics() throws Exception {
		assertThat(GrafanaDashboard.metricNames()).isNotEmpty().allMatch((name) -> name.matches("[a-z_]+"));
	}

	@Test
	void theShippedDashboardCoversTheOperatorsView() throws Exception {
		assertThat(GrafanaDashboard.metricNames()).containsAll(GrafanaDashboard.OPERATORS_VIEW);
	}

}
