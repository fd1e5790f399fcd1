package dev.marquee.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A latency distribution in milliseconds, as every table of the benchmark shows it.
 *
 * @param count how many values were recorded
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs the slowest
 * @param meanMs the mean
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
		double meanMs) {

	/** Nothing recorded. */
	public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

	/**
	 * The percentiles by label, in the order the chart shows them.
	 * @return p50 … max in milliseconds
	 */
	public Map<String, Double> percentiles() {
		Map<String, Double> values = new LinkedHashMap<>();
		values.put("p50", this.p50Ms);
		values.put("p90", this.p90Ms);
		values.put("p99", this.p99Ms);
		values.put("p99.9", this.p999Ms);
		values.put("max", this.maxMs);
		return values;
	}

}
