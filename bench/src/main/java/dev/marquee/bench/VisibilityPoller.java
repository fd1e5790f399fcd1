package dev.marquee.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.marquee.bench.load.Latencies;
import dev.marquee.bench.platform.PageClient;
import dev.marquee.model.ReadPath;

/**
 * Polls a read path from outside until an edit's content version is readable, and records
 * how long that took from two origins: the edit's intended send time (open loop,
 * coordinated omission included) and the moment ingestion accepted it. Polls are
 * asynchronous and back off in proportion to the time already waited
 * ({@link #nextDelayMillis}), so the measurement error stays within about 10% while
 * hundreds of edits wait on a slow path at once.
 */
final class VisibilityPoller {

	private final PageClient pages;

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "bench-visibility");
		thread.setDaemon(true);
		return thread;
	});

	private final Phaser pending = new Phaser(1);

	private final Duration timeout;

	private final AtomicLong timedOut = new AtomicLong();

	private final AtomicLong polls = new AtomicLong();

	final Latencies fromSend = new Latencies();

	final Latencies fromAccept = new Latencies();

	VisibilityPoller(PageClient pages, Duration timeout) {
		this.pages = pages;
		this.timeout = timeout;
	}

	/**
	 * Starts watching one edit.
	 * @param slug the page
	 * @param path the read path
	 * @param version the content version that must become readable
	 * @param intendedNanos when the edit was due to be sent
	 * @param acceptedNanos when ingestion's answer arrived
	 */
	void watch(String slug, ReadPath path, long version, long intendedNanos, long acceptedNanos) {
		this.pending.register();
		poll(slug, path, version, intendedNanos, acceptedNanos, null);
	}

	private void poll(String slug, ReadPath path, long version, long intendedNanos, long acceptedNanos,
			@Nullable Long seen) {
		this.polls.incrementAndGet();
		this.pages.publishedAsync(slug, path, seen).whenComplete((answer, failure) -> {
			long now = System.nanoTime();
			if (failure == null && answer.ok() && answer.contentVersion() >= version) {
				this.fromSend.record(now - intendedNanos);
				this.fromAccept.record(now - acceptedNanos);
				this.pending.arriveAndDeregister();
				return;
			}
			long waited = now - acceptedNanos;
			if (waited > this.timeout.toNanos()) {
				this.timedOut.incrementAndGet();
				this.fromAccept.error();
				this.pending.arriveAndDeregister();
				return;
			}
			Long current = (failure == null && (answer.ok() || answer.status() == 304) && answer.contentVersion() > 0)
					? answer.contentVersion() : seen;
			this.timer.schedule(() -> poll(slug, path, version, intendedNanos, acceptedNanos, current),
					nextDelayMillis(TimeUnit.NANOSECONDS.toMillis(waited)), TimeUnit.MILLISECONDS);
		});
	}

	/**
	 * The pause before the next poll: 2 ms at first, then a tenth of the time already
	 * waited, at most 2 s.
	 * @param waitedMillis time since the edit was accepted
	 * @return the delay in milliseconds
	 */
	static long nextDelayMillis(long waitedMillis) {
		return Math.max(2, Math.min(2000, waitedMillis / 10));
	}

	/** Waits until every watched edit is visible or timed out. */
	void awaitAll() {
		this.pending.arriveAndAwaitAdvance();
	}

	int outstanding() {
		return this.pending.getUnarrivedParties() - 1;
	}

	long timedOut() {
		return this.timedOut.get();
	}

	long polls() {
		return this.polls.get();
	}

	void close() {
		this.timer.shutdownNow();
	}

}
