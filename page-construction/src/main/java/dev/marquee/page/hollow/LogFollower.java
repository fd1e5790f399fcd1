package dev.marquee.page.hollow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.marquee.model.hollow.remote.HollowLogClient;
import dev.marquee.model.hollow.remote.HollowProducerException;
import dev.marquee.model.writelog.WriteLogBatch;
import dev.marquee.model.writelog.WriteLogEntry;

/**
 * Follows the hollow-producer's write log on one thread: long-polls for the entries after
 * the applied offset and applies them to the overlay. A truncated range, a gap or a new
 * log id makes it resynchronise (load the latest state, then follow from its offset);
 * while the producer is down it retries with backoff and the instance keeps serving what
 * it holds.
 */
final class LogFollower implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LogFollower.class);

	private final HollowLogClient client;

	private final Overlay overlay;

	private final Duration pollTimeout;

	private final Duration minBackoff;

	private final Duration maxBackoff;

	private final Listener listener;

	private final Thread thread;

	private volatile boolean closed;

	private volatile boolean connected;

	private volatile long head = -1;

	private volatile long producerStateOffset = -1;

	private volatile long resyncs;

	private volatile @Nullable String lastFailure;

	private long backoffMillis;

	LogFollower(HollowLogClient client, Overlay overlay, Duration pollTimeout, Duration minBackoff, Duration maxBackoff,
			Listener listener) {
		this.client = client;
		this.overlay = overlay;
		this.pollTimeout = pollTimeout;
		this.minBackoff = minBackoff;
		this.maxBackoff = maxBackoff;
		this.listener = listener;
		this.backoffMillis = minBackoff.toMillis();
		this.thread = new Thread(this::run, "hollow-log-follower");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
	}

	boolean connected() {
		return this.connected;
	}

	long head() {
		return this.head;
	}

	long producerStateOffset() {
		return this.producerStateOffset;
	}

	long resyncs() {
		return this.resyncs;
	}

	@Nullable String lastFailure() {
		return this.lastFailure;
	}

	private void run() {
		while (!this.closed) {
			try {
				step();
			}
			catch (RuntimeException ex) {
				if (this.closed) {
					return;
				}
				logger.warn("Unexpected failure while following the write log; retrying", ex);
				backoff();
			}
		}
	}

	private void step() {
		long after = this.overlay.applied();
		WriteLogBatch batch;
		try {
			batch = this.client.read(after, this.pollTimeout);
		}
		catch (HollowLogClient.TruncatedException ex) {
			this.connected = true;
			resync("the log no longer holds the entries after offset " + after);
			return;
		}
		catch (HollowProducerException ex) {
			if (this.closed) {
				return;
			}
			if (this.connected) {
				logger.warn("hollow-producer's write log unreachable; serving applied offset {} and retrying: {}",
						after, ex.getMessage());
			}
			this.connected = false;
			this.lastFailure = ex.getMessage();
			backoff();
			return;
		}
		this.connected = true;
		this.lastFailure = null;
		this.backoffMillis = this.minBackoff.toMillis();
		this.head = batch.head();
		this.producerStateOffset = batch.stateOffset();
		String known = this.overlay.logId();
		if (known != null && !known.equals(batch.logId())) {
			logger.warn("hollow-producer's write log changed from {} to {}: dropping the overlay and resynchronising",
					known, batch.logId());
			this.overlay.reset(batch.logId(), 0);
			resync("new log " + batch.logId());
			return;
		}
		if (known == null) {
			// The first answer names the log; a state installed later with another log id
			// resets the overlay.
			this.overlay.adoptLog(batch.logId());
		}
		List<Overlay.Entry> applied = new ArrayList<>(batch.entries().size());
		try {
			for (WriteLogEntry entry : batch.entries()) {
				Overlay.Entry now = this.overlay.apply(entry);
				if (now != null) {
					applied.add(now);
				}
			}
		}
		catch (IllegalStateException gap) {
			this.listener.applied(applied);
			resync(gap.getMessage());
			return;
		}
		if (!batch.entries().isEmpty()) {
			this.listener.applied(applied);
		}
	}

	private void resync(String why) {
		this.resyncs++;
		long before = this.overlay.applied();
		logger.info("Resynchronising with the latest Hollow state: {}", why);
		try {
			this.listener.resync();
		}
		catch (RuntimeException ex) {
			logger.warn("Resynchronising failed: {}", ex.getMessage());
		}
		if (this.overlay.applied() == before) {
			// The latest state did not move us on (not announced or not loaded yet): do
			// not spin on the producer.
			backoff();
		}
	}

	private void backoff() {
		long delay = this.backoffMillis;
		this.backoffMillis = Math.min(this.backoffMillis * 2, this.maxBackoff.toMillis());
		LockSupport.parkNanos(Duration.ofMillis(delay).toNanos());
	}

	/** What the follower tells the page source. */
	interface Listener {

		/**
		 * Entries were applied to the overlay (on the follower's thread).
		 * @param entries the entries now in the overlay
		 */
		void applied(List<Overlay.Entry> entries);

		/** Load the latest announced state now (on the follower's thread). */
		void resync();

	}

}
