package dev.marquee.bench.load;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * A thread-safe HdrHistogram of latencies in nanoseconds (3 significant digits, up to one
 * hour; slower values are clamped so one outlier cannot fail a run).
 */
public final class Latencies {

	private static final long HIGHEST = TimeUnit.HOURS.toNanos(1);

	private final Histogram histogram = new Histogram(HIGHEST, 3);

	private long errors;

	/**
	 * Records one latency.
	 * @param nanos the latency; negative values (clock steps) count as zero
	 */
	public synchronized void record(long nanos) {
		this.histogram.recordValue(Math.max(0, Math.min(HIGHEST, nanos)));
	}

	/** Counts a request that failed; failures are not latencies. */
	public synchronized void error() {
		this.errors++;
	}

	public synchronized long errors() {
		return this.errors;
	}

	public synchronized long count() {
		return this.histogram.getTotalCount();
	}

	/**
	 * Adds another histogram's values.
	 * @param other the other latencies
	 */
	public synchronized void add(Latencies other) {
		Histogram copy;
		long otherErrors;
		synchronized (other) {
			copy = other.histogram.copy();
			otherErrors = other.errors;
		}
		this.histogram.add(copy);
		this.errors += otherErrors;
	}

	/**
	 * @return the distribution in milliseconds
	 */
	public synchronized LatencySummary summary() {
		if (this.histogram.getTotalCount() == 0) {
			return LatencySummary.EMPTY;
		}
		return new LatencySummary(this.histogram.getTotalCount(), ms(this.histogram.getValueAtPercentile(50)),
				ms(this.histogram.getValueAtPercentile(90)), ms(this.histogram.getValueAtPercentile(99)),
				ms(this.histogram.getValueAtPercentile(99.9)), ms(this.histogram.getMaxValue()),
				round(this.histogram.getMean() / 1_000_000.0));
	}

	private static double ms(long nanos) {
		return round(nanos / 1_000_000.0);
	}

	static double round(double millis) {
		// Three decimals (microseconds) are as precise as a 3-significant-digit histogram
		// gets at these scales.
		return Math.round(millis * 1000.0) / 1000.0;
	}

}
