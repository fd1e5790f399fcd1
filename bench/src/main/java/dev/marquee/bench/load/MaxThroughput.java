package dev.marquee.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Closed-loop saturation: a fixed number of workers each send their next request as soon
 * as the previous one answers, for a fixed time. The completion rate is the maximum
 * throughput at that concurrency; the latencies here are service times (closed loop
 * cannot see coordinated omission, which is why latency targets come from
 * {@link FixedRateLoad}).
 */
public final class MaxThroughput {

	private MaxThroughput() {
	}

	/**
	 * The result.
	 *
	 * @param completed successful requests
	 * @param errors failed requests
	 * @param seconds how long the run took
	 * @param latencies service times
	 */
	public record Result(long completed, long errors, double seconds, LatencySummary latencies) {

		/**
		 * @return successful requests per second
		 */
		public double perSecond() {
			return (this.seconds > 0) ? Math.round(this.completed / this.seconds * 10.0) / 10.0 : 0;
		}

	}

	/**
	 * Runs workers for a time.
	 * @param concurrency how many workers
	 * @param durationNanos for how long
	 * @param request what each sends
	 * @param progress told the elapsed nanoseconds now and then
	 * @return completions and service times
	 */
	public static Result run(int concurrency, long durationNanos, FixedRateLoad.Request request,
			LongConsumer progress) {
		Latencies latencies = new Latencies();
		AtomicLong sequence = new AtomicLong();
		long start = System.nanoTime();
		long end = start + durationNanos;
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			Thread thread = new Thread(() -> {
				while (true) {
					long begin = System.nanoTime();
					if (begin >= end) {
						return;
					}
					try {
						request.send(sequence.getAndIncrement(), begin);
						latencies.record(System.nanoTime() - begin);
					}
					catch (Exception ex) {
						latencies.error();
					}
				}
			}, "bench-saturation-" + w);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			while (thread.isAlive()) {
				try {
					thread.join(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return new Result(latencies.count(), latencies.errors(), (System.nanoTime() - start) / 1e9,
							latencies.summary());
				}
				progress.accept(Math.min(durationNanos, System.nanoTime() - start));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(latencies.count(), latencies.errors(), seconds, latencies.summary());
	}

}
