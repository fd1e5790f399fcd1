package dev.marquee.bench.load;

/**
 * The intended send times of an open-loop run at a fixed rate: request {@code i} is due
 * at {@code start + i / rate}, whatever happened to the requests before it. Latency is
 * measured from this intended time, not from when the request actually left (as wrk2
 * does), so a stall that delays later sends is charged to them instead of being silently
 * omitted (coordinated omission).
 *
 * @param startNanos when request 0 is due, on the {@link System#nanoTime()} scale
 * @param ratePerSecond requests per second
 */
public record Schedule(long startNanos, double ratePerSecond) {

	public Schedule {
		if (!(ratePerSecond > 0)) {
			throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
		}
	}

	/**
	 * When a request is due.
	 * @param index the request's position, from 0
	 * @return its intended send time in nanoseconds
	 */
	public long intendedNanos(long index) {
		return this.startNanos + Math.round(index * (1_000_000_000.0 / this.ratePerSecond));
	}

	/**
	 * How many requests a run of this length sends.
	 * @param durationNanos the run's length
	 * @return the count, at least 1
	 */
	public long count(long durationNanos) {
		return Math.max(1, (long) Math.floor(durationNanos * this.ratePerSecond / 1_000_000_000.0));
	}

	/**
	 * The latency charged to a request.
	 * @param index the request's position
	 * @param completedNanos when its answer arrived
	 * @return completion minus intended send time, never negative
	 */
	public long latencyNanos(long index, long completedNanos) {
		return Math.max(0, completedNanos - intendedNanos(index));
	}

}
