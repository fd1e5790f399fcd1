package dev.marquee.hollowproducer.blob;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.netflix.hollow.api.producer.HollowProducer;

/**
 * The announcer of the producer: records each version durably in the blob store, then
 * wakes every long-poll waiting for a new version, so consumers refresh right after the
 * announcement.
 */
public final class Announcements implements HollowProducer.Announcer {

	private final BlobStore store;

	private final AtomicReference<CompletableFuture<Long>> next = new AtomicReference<>(new CompletableFuture<>());

	private volatile long latest;

	/**
	 * Announcements of a store, starting at its announced version.
	 * @param store the blob store
	 */
	public Announcements(BlobStore store) {
		this.store = store;
		this.latest = store.announcedVersion().orElse(NO_VERSION);
	}

	/**
	 * The version reported before anything was announced (Hollow's "no announcement").
	 */
	public static final long NO_VERSION = -1;

	@Override
	public void announce(long version) {
		this.store.announce(version);
		this.latest = version;
		this.next.getAndSet(new CompletableFuture<>()).complete(version);
	}

	/**
	 * The version last announced.
	 * @return the version, or {@link #NO_VERSION}
	 */
	public long latest() {
		return this.latest;
	}

	/**
	 * A long-poll: completes as soon as the announced version differs from {@code after},
	 * or with {@code after} once the timeout passes.
	 * @param after the version the caller holds
	 * @param timeout how long to wait at most
	 * @return the announced version
	 */
	public CompletableFuture<Long> awaitChange(long after, Duration timeout) {
		// take the future before reading the version, so an announcement in between is
		// never missed
		CompletableFuture<Long> announcement = this.next.get();
		long current = this.latest;
		if (current != after) {
			return CompletableFuture.completedFuture(current);
		}
		return announcement.thenApply((version) -> version)
			.completeOnTimeout(after, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
