package dev.marquee.page.source;

import java.time.Duration;

/**
 * A counter a read path advances whenever its position moves (a log entry applied, a
 * state installed), so that waiting previews are woken at once instead of polling.
 */
public final class Progress {

	private long epoch;

	/**
	 * @return the current count, to pass to {@link #await(long, Duration)}
	 */
	public synchronized long current() {
		return this.epoch;
	}

	/** The position moved: wakes every waiter. */
	public synchronized void advance() {
		this.epoch++;
		notifyAll();
	}

	/**
	 * Waits until the count differs from one seen, or the timeout passes.
	 * @param seen a count from {@link #current()}
	 * @param timeout the longest wait
	 * @return whether the count moved
	 */
	public synchronized boolean await(long seen, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.epoch == seen) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			try {
				// a millisecond at least: wait(0) would wait forever
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for a read path to catch up", ex);
			}
		}
		return true;
	}

}
