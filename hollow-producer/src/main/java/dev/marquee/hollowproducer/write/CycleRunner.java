package dev.marquee.hollowproducer.write;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import dev.marquee.hollowproducer.log.DurableWriteLog;

/**
 * The background Hollow cycles: every interval (counted from the previous cycle's start),
 * or as soon as enough entries wait, one incremental cycle folds every log entry appended
 * since the previous one; its state is tagged with the highest offset it contains, and
 * once it is announced the log drops the segments it makes unnecessary. A failed cycle
 * leaves its entries pending for the next one (they are durable in the log). Cycles take
 * at most a duty share of the thread's time ({@link #nextStart}).
 */
final class CycleRunner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(CycleRunner.class);

	private final PageCycles cycles;

	private final PendingChanges pending;

	private final DurableWriteLog log;

	private final CycleMetrics metrics;

	private final Duration interval;

	private final int maxPending;

	private final double duty;

	private final Duration maxPause;

	private final WorkerThread worker = new WorkerThread("hollow-producer-cycle", Duration.ofSeconds(60), this::run);

	CycleRunner(PageCycles cycles, PendingChanges pending, DurableWriteLog log, CycleMetrics metrics, Duration interval,
			int maxPending, double duty, Duration maxPause) {
		this.cycles = cycles;
		this.pending = pending;
		this.log = log;
		this.metrics = metrics;
		this.interval = interval;
		this.maxPending = maxPending;
		this.duty = duty;
		this.maxPause = maxPause;
	}

	private void run() {
		long lastStart = System.nanoTime();
		long lastDuration = 0;
		while (this.worker.isRunning()) {
			try {
				long floor = nextStart(lastStart, lastDuration, Duration.ZERO, this.duty, this.maxPause);
				long deadline = nextStart(lastStart, lastDuration, this.interval, this.duty, this.maxPause);
				PendingChanges.Fold fold = this.pending.awaitFold(floor, deadline, this.maxPending);
				lastStart = System.nanoTime();
				lastDuration = 0;
				if (!fold.isEmpty()) {
					cycle(fold);
					lastDuration = System.nanoTime() - lastStart;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		// a graceful stop folds what is left, so that a restart has little to replay
		try {
			PendingChanges.Fold rest = this.pending.awaitFold(System.nanoTime(), this.maxPending);
			if (!rest.isEmpty()) {
				cycle(rest);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * When the next cycle may start. A cycle costs time in proportion to the whole state,
	 * not to its changes (Hollow compacts and re-indexes every type each cycle), so a
	 * fixed interval would let cycles take the cores as the state grows or the machine is
	 * busy; bounding their share instead lets more changes share one cycle. Readers do
	 * not wait for it: the overlay serves each change once it is in the log.
	 * @param lastStart when the previous cycle started ({@link System#nanoTime()})
	 * @param lastDuration how long it took, in nanoseconds (0 when nothing was folded)
	 * @param interval the shortest time from one start to the next
	 * @param duty the largest share of time spent cycling, in (0, 1]
	 * @param maxPause the longest the duty holds the next cycle back after the previous
	 * one ended (the first cycles after a start, on a cold JIT, can take many seconds)
	 * @return the {@link System#nanoTime()} at which the next may start
	 */
	static long nextStart(long lastStart, long lastDuration, Duration interval, double duty, Duration maxPause) {
		long byDuty = Math.min((long) (lastDuration / duty), lastDuration + maxPause.toNanos());
		return lastStart + Math.max(interval.toNanos(), byDuty);
	}

	private void cycle(PendingChanges.Fold fold) {
		long started = System.nanoTime();
		long before = this.cycles.version();
		try {
			PageCycles.Outcome outcome = this.cycles.apply(fold.changes().values(), fold.highestOffset(),
					this.log.logId());
			this.metrics.cycleSucceeded(System.nanoTime() - started, outcome.version(), outcome.written(),
					fold.entries());
			if (outcome.version() != before) {
				this.log.stateAnnounced(outcome.version(), fold.highestOffset());
			}
		}
		catch (RuntimeException ex) {
			this.pending.putBack(fold);
			this.metrics.cycleFailed(System.nanoTime() - started, ex);
			logger.error("Producer cycle of " + fold.entries() + " log entries (up to offset " + fold.highestOffset()
					+ ") failed; they stay in the log and pending for the next cycle", ex);
		}
	}

	@Override
	public void start() {
		this.worker.start();
	}

	@Override
	public void stop() {
		this.worker.stop(this.pending::wakeUp);
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

	@Override
	public int getPhase() {
		// start before the appender and stop after it, so the last appended entries are
		// folded
		return SmartLifecycle.DEFAULT_PHASE - 8192;
	}

}
