package dev.marquee.bench.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Sends requests open-loop at a fixed rate and charges each its latency from its intended
 * send time ({@link Schedule}). Requests run on a pool of workers; when every worker is
 * busy the next request waits in the queue, and that wait is part of its latency, which
 * is exactly what a user arriving at that moment sees.
 */
public final class FixedRateLoad {

	/** One request: returns normally on success, throws on failure. */
	@FunctionalInterface
	public interface Request {

		/**
		 * Sends request {@code index}.
		 * @param index its position
		 * @param intendedNanos when it was due ({@link System#nanoTime()} scale), for
		 * callers that measure further stages from the same origin
		 */
		void send(long index, long intendedNanos) throws Exception;

	}

	/** Waits until a point in time. */
	@FunctionalInterface
	public interface Pacer {

		void awaitNanos(long deadline);

	}

	private final LongSupplier clock;

	private final Pacer pacer;

	private final ExecutorService workers;

	private final boolean ownsWorkers;

	/**
	 * A load on the real clock with its own worker threads.
	 * @param workers how many requests may be in flight at once
	 */
	public FixedRateLoad(int workers) {
		this(System::nanoTime, FixedRateLoad::parkUntil, Executors.newFixedThreadPool(workers, (runnable) -> {
			Thread thread = new Thread(runnable, "bench-worker");
			thread.setDaemon(true);
			return thread;
		}), true);
	}

	/**
	 * A load on a given clock and executor (tests run it on a simulated clock).
	 * @param clock nanoseconds
	 * @param pacer waits on that clock
	 * @param workers runs the requests
	 */
	public FixedRateLoad(LongSupplier clock, Pacer pacer, ExecutorService workers) {
		this(clock, pacer, workers, false);
	}

	private FixedRateLoad(LongSupplier clock, Pacer pacer, ExecutorService workers, boolean ownsWorkers) {
		this.clock = clock;
		this.pacer = pacer;
		this.workers = workers;
		this.ownsWorkers = ownsWorkers;
	}

	/**
	 * Runs {@code count} requests at {@code rate} per second and waits for all of them.
	 * @param rate requests per second
	 * @param count how many
	 * @param request what to send
	 * @param progress told the number of completed requests after each
	 * @return latencies from intended send time, failures counted apart
	 */
	public Latencies run(double rate, long count, Request request, LongConsumer progress) {
		Latencies latencies = new Latencies();
		Schedule schedule = new Schedule(this.clock.getAsLong(), rate);
		AtomicLong done = new AtomicLong();
		java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch((int) count);
		for (long i = 0; i < count; i++) {
			long index = i;
			this.pacer.awaitNanos(schedule.intendedNanos(index));
			Runnable task = () -> {
				try {
					request.send(index, schedule.intendedNanos(index));
					latencies.record(schedule.latencyNanos(index, this.clock.getAsLong()));
				}
				catch (Exception ex) {
					latencies.error();
				}
				finally {
					progress.accept(done.incrementAndGet());
					finished.countDown();
				}
			};
			try {
				this.workers.execute(task);
			}
			catch (RejectedExecutionException ex) {
				latencies.error();
				finished.countDown();
			}
		}
		try {
			finished.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return latencies;
	}

	/** Stops the worker threads this load created. */
	public void close() {
		if (this.ownsWorkers) {
			this.workers.shutdownNow();
			try {
				this.workers.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static void parkUntil(long deadline) {
		for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

}
