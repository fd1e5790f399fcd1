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
 * leaves its entries pending for the next one (they are durable in the log).
 */
final class CycleRunner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(CycleRunner.class);

	private final PageCycles cycles;

	private final PendingChanges pending;

	private final DurableWriteLog log;

	private final CycleMetrics metrics;

	private final Duration interval;

	private final int maxPending;

	private final WorkerThread worker = new WorkerThread("hollow-producer-cycle", Duration.ofSeconds(60), this::run);

	CycleRunner(PageCycles cycles, PendingChanges pending, DurableWriteLog log, CycleMetrics metrics, Duration interval,
			int maxPending) {
		this.cycles = cycles;
		this.pending = pending;
		this.log = log;
		this.metrics = metrics;
		this.interval = interval;
		this.maxPending = maxPending;
	}

	private void run() {
		long lastStart = System.nanoTime();
		while (this.worker.isRunning()) {
			try {
				PendingChanges.Fold fold = this.pending.awaitFold(lastStart + this.interval.toNanos(), this.maxPending);
				lastStart = System.nanoTime();
				if (!fold.isEmpty()) {
					cycle(fold);
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
