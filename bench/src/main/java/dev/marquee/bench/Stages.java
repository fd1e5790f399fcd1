package dev.marquee.bench;

import java.util.Map;
import java.util.OptionalDouble;

import dev.marquee.bench.platform.Metrics;
import dev.marquee.bench.report.Table;

/**
 * The services' own stage metrics over exactly the benchmark's window: two Prometheus
 * scrapes, before and after, and the histogram quantiles of the observations in between.
 */
final class Stages {

	/** data-consumer: ingestion accept → read-table row written. */
	static final String ROW_VISIBLE = "marquee_cassandra_row_visible_seconds";

	/** hollow-producer: one producer cycle (populate, publish with fsync, announce). */
	static final String HOLLOW_CYCLE = "marquee_hollow_cycle_seconds";

	/** page-construction: ingestion accept → new version readable, per path. */
	static final String PROPAGATION = "marquee_propagation_seconds";

	/** page-construction: one page build, per path. */
	static final String PAGE_BUILD = "marquee_page_build_seconds";

	private Stages() {
	}

	/**
	 * A row of a histogram's p50/p90/p99 (ms) since {@code before}.
	 * @param table the table ({@link #table})
	 * @param stage the stage's name
	 * @param source where the number comes from
	 * @param before first scrape
	 * @param after second scrape
	 * @param histogram the histogram
	 * @param labels its labels
	 */
	static void histogramRow(Table table, String stage, String source, Metrics before, Metrics after, String histogram,
			Map<String, String> labels) {
		long count = after.countSince(before, histogram, labels);
		table.row(stage, source, count, ms(after.quantileSince(before, histogram, labels, 0.5)),
				ms(after.quantileSince(before, histogram, labels, 0.9)),
				ms(after.quantileSince(before, histogram, labels, 0.99)), Double.NaN,
				mean(before, after, histogram, labels));
	}

	/**
	 * The stages table.
	 * @param title its title
	 * @return columns stage, source, count, p50, p90, p99, max, mean
	 */
	static Table table(String title) {
		return Table.of(title, "stage", "source", "count", "p50", "p90", "p99", "max", "mean");
	}

	/**
	 * A timer's mean since {@code before} in milliseconds, from its {@code _sum} and
	 * {@code _count}.
	 */
	static double mean(Metrics before, Metrics after, String timer, Map<String, String> labels) {
		long count = after.countSince(before, timer, labels);
		OptionalDouble sum = after.increase(before, timer + "_sum", labels);
		return (count > 0 && sum.isPresent()) ? Math.round(sum.getAsDouble() / count * 1_000_000.0) / 1000.0
				: Double.NaN;
	}

	static double ms(OptionalDouble seconds) {
		return seconds.isPresent() ? Math.round(seconds.getAsDouble() * 1_000_000.0) / 1000.0 : Double.NaN;
	}

}
