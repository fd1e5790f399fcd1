package dev.marquee.model;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues content versions: microseconds since the epoch, strictly increasing within this
 * clock even when the wall clock stands still or steps back (a hybrid logical clock
 * without the network part).
 *
 * <p>
 * Versions are microseconds so that a version can be Cassandra's {@code USING TIMESTAMP}
 * as it is. Ingestion {@link #observe(long) observes} the highest version it has stored
 * on start, so versions keep increasing across restarts.
 */
public final class ContentVersionClock {

	private final Clock clock;

	private final AtomicLong last = new AtomicLong();

	public ContentVersionClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The next version.
	 * @return a version greater than every one issued or observed before
	 */
	public long next() {
		long nowMicros = Math.multiplyExact(this.clock.millis(), 1000L);
		return this.last.updateAndGet((previous) -> Math.max(previous + 1, nowMicros));
	}

	/**
	 * Makes every later version greater than one seen elsewhere.
	 * @param version a version already in use
	 */
	public void observe(long version) {
		this.last.accumulateAndGet(version, Math::max);
	}

}
