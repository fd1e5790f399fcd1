package dev.marquee.page.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;

/**
 * Read-after-write: answers a preview only once the read path has caught up with a
 * consistency token, and never with a page older than the version the token wrote,
 * waiting at most a bounded time. A path that signals its progress
 * ({@link PageSource#awaitProgress}) wakes the wait the moment it moves; others are
 * re-checked after a 1 → 20 ms backoff.
 */
public final class ConsistencyWait {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(1);

	private static final Duration MAX_PAUSE = Duration.ofMillis(20);

	// A nudge (e.g. a Hollow refresh) is not free, so repeat it only this often while
	// waiting.
	private static final Duration NUDGE_EVERY = Duration.ofMillis(200);

	private final Clock clock;

	private final Pauser pauser;

	public ConsistencyWait(Clock clock, Pauser pauser) {
		this.clock = clock;
		this.pauser = pauser;
	}

	/**
	 * Reads a page once the source has caught up with the token.
	 * @param source the read path
	 * @param token the client's token
	 * @param slug the page's slug
	 * @param stage which copy
	 * @param maxWait the longest the caller may wait
	 * @return the page, or empty if the caught-up path does not hold it
	 * @throws PathBehindException if the path is still behind at the deadline
	 * @throws TokenNotForPathException if the token names no position on this path
	 */
	public Optional<Page> read(PageSource source, ConsistencyToken token, String slug, Stage stage, Duration maxWait) {
		Instant start = this.clock.instant();
		Instant deadline = start.plus(maxWait);
		Instant lastNudge = null;
		Duration pause = FIRST_PAUSE;
		while (true) {
			// Read the progress count before the check: a move between the check and the
			// wait ends the wait.
			long seen = source.progress();
			Lag lag = source.lag(token);
			if (lag.caughtUp()) {
				Optional<Page> page = source.findFresh(slug, stage);
				if (page.isEmpty()) {
					return page;
				}
				Long required = token.pageVersions().get(page.get().pageId());
				long served = page.get().contentVersion();
				if (required == null || served >= required) {
					return page;
				}
				// The position is reached but the page is older than the token's write
				// (e.g. a cache or a replica
				// behind): keep waiting rather than answer stale content.
				lag = new Lag("page " + page.get().pageId() + " at content version " + served,
						"content version " + required, required - served, "content-version µs");
			}
			Instant now = this.clock.instant();
			if (!now.isBefore(deadline)) {
				throw new PathBehindException(source.path(), lag, Duration.between(start, now));
			}
			if (lastNudge == null || !now.isBefore(lastNudge.plus(NUDGE_EVERY))) {
				source.nudge();
				lastNudge = now;
			}
			Duration remaining = Duration.between(this.clock.instant(), deadline);
			if (remaining.isNegative() || remaining.isZero()) {
				continue;
			}
			// Event-driven where the path signals progress (woken the moment it moves),
			// else a short backoff.
			Duration untilNudge = (remaining.compareTo(NUDGE_EVERY) < 0) ? remaining : NUDGE_EVERY;
			if (source.awaitProgress(seen, untilNudge)) {
				continue;
			}
			Duration next = (pause.compareTo(remaining) < 0) ? pause : remaining;
			this.pauser.pause(next);
			pause = (pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0) ? pause.multipliedBy(2) : MAX_PAUSE;
		}
	}

	/**
	 * Waits between two checks; tests substitute one that advances a fake clock.
	 */
	@FunctionalInterface
	public interface Pauser {

		/**
		 * Pauses the calling thread.
		 * @param duration how long
		 */
		void pause(Duration duration);

		/**
		 * @return a pauser that parks the thread
		 */
		static Pauser parking() {
			return (duration) -> {
				java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
				if (Thread.currentThread().isInterrupted()) {
					throw new IllegalStateException("interrupted while waiting for a read path to catch up");
				}
			};
		}

	}

}
