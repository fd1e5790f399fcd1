package dev.marquee.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

/**
 * The metric names the provisioned Grafana dashboard
 * ({@code ops/grafana/dashboards/marquee.json}) queries.
 */
final class GrafanaDashboard {

	static final Path FILE = Path.of("..", "ops", "grafana", "dashboards", "marquee.json");

	/**
	 * What an operator must see (README "Operating Marquee"), one metric each:
	 * propagation latency per path, pages/s, webhook rate and errors, Kafka lag, the
	 * Hollow version announced and served, the overlay size and the near-cache cycle
	 * time.
	 */
	static final Set<String> OPERATORS_VIEW = Set.of("marquee_propagation_seconds_bucket",
			"marquee_page_build_seconds_count", "marquee_ingestion_deliveries_total",
			"http_server_requests_seconds_count", "marquee_consumer_lag", "marquee_hollow_version",
			"marquee_hollow_consumer_version", "marquee_hollow_overlay_entries",
			"marquee_nearcache_cycle_duration_seconds");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "offset", "bool");

	private GrafanaDashboard() {
	}

	/** Every metric name in every panel's PromQL. */
	static Set<String> metricNames() throws IOException {
		JsonNode dashboard = MarqueeJson.mapper().readTree(Files.readString(FILE));
		Set<String> names = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				names.addAll(metricNames(target.path("expr").asString()));
			}
		}
		return names;
	}

	/**
	 * The metric names of one PromQL expression: what is left once label matchers,
	 * grouping labels, ranges, strings and numbers are removed, and that is neither a
	 * function nor a keyword.
	 */
	static Set<String> metricNames(String promQl) {
		String bare = promQl.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\{[^}]*}", "")
			.replaceAll("\\[[^]]*]", "")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
		Set<String> names = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(bare);
		while (matcher.find()) {
			boolean function = matcher.group(1) != null;
			String name = matcher.group().replaceAll("\\s*\\($", "");
			if (!function && !KEYWORDS.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

}
