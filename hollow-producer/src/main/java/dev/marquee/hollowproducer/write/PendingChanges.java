package dev.marquee.hollowproducer.write;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.marquee.model.writelog.WriteLog;

/**
 * The durable log entries no cycle has folded yet, deduplicated per page stage (the
 * newest wins; the appender only appends a change newer than the previous one, so the
 * newest is the one with the highest offset). The appender adds in offset order and the
 * cycle thread takes everything at once, so a taken fold contains every entry up to its
 * highest offset.
 */
final class PendingChanges {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private Map<PageKey, ChangeEnvelope> changes = new HashMap<>();

	private long highestOffset = WriteLog.NO_OFFSET;

	private int entries;

	private boolean woken;

	/**
	 * Adds a durable entry.
	 * @param offset its offset
	 * @param change its change
	 * @param threshold wakes the cycle thread once this many entries wait
	 */
	void add(long offset, ChangeEnvelope change, int threshold) {
		this.lock.lock();
		try {
			this.changes.put(change.key(), change);
			this.highestOffset = Math.max(this.highestOffset, offset);
			this.entries++;
			if (this.entries >= threshold) {
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until a deadline, or until enough entries wait, or until woken, then takes
	 * everything pending.
	 * @param deadlineNanos the {@link System#nanoTime()} to wait until
	 * @param threshold how many entries end the wait early
	 * @return the fold, possibly empty
	 * @throws InterruptedException when interrupted
	 */
	Fold awaitFold(long deadlineNanos, int threshold) throws InterruptedException {
		return awaitFold(System.nanoTime(), deadlineNanos, threshold);
	}

	/**
	 * Waits until a deadline, or until enough entries wait once a floor has passed, or
	 * until woken, then takes everything pending.
	 * @param floorNanos the {@link System#nanoTime()} before which no number of entries
	 * ends the wait (only a wake-up does)
	 * @param deadlineNanos the {@link System#nanoTime()} to wait until
	 * @param threshold how many entries end the wait early, after the floor
	 * @return the fold, possibly empty
	 * @throws InterruptedException when interrupted
	 */
	Fold awaitFold(long floorNanos, long deadlineNanos, int threshold) throws InterruptedException {
		this.lock.lock();
		try {
			long untilFloor = floorNanos - System.nanoTime();
			while (untilFloor > 0 && !this.woken) {
				this.changed.await(untilFloor, TimeUnit.NANOSECONDS);
				untilFloor = floorNanos - System.nanoTime();
			}
			long remaining = deadlineNanos - System.nanoTime();
			while (this.entries < threshold && remaining > 0 && !this.woken) {
				this.changed.await(remaining, TimeUnit.NANOSECONDS);
				remaining = deadlineNanos - System.nanoTime();
			}
			this.woken = false;
			return take();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Ends the current wait of the cycle thread (it is stopping). */
	void wakeUp() {
		this.lock.lock();
		try {
			this.woken = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private Fold take() {
		Fold fold = new Fold(this.changes, this.highestOffset, this.entries);
		this.changes = new HashMap<>();
		this.entries = 0;
		return fold;
	}

	/**
	 * Puts back a fold whose cycle failed, under what was added since (which is newer).
	 * @param fold the fold
	 */
	void putBack(Fold fold) {
		this.lock.lock();
		try {
			fold.changes().forEach(this.changes::putIfAbsent);
			this.entries += fold.entries();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Entries taken for one cycle.
	 *
	 * @param changes the newest change of each page stage
	 * @param highestOffset the highest offset of the entries (every entry up to it was
	 * appended before)
	 * @param entries how many log entries were folded into these changes
	 */
	record Fold(Map<PageKey, ChangeEnvelope> changes, long highestOffset, int entries) {

		boolean isEmpty() {
			return this.changes.isEmpty();
		}

	}

}
