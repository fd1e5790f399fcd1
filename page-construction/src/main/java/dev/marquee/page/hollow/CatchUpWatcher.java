package dev.marquee.page.hollow;

import java.util.concurrent.atomic.AtomicLong;

import com.netflix.hollow.api.consumer.HollowConsumer;

/**
 * An announcement watcher that can be told to look now: it follows its delegate
 * (long-poll or file poll), and {@link #catchUp(HollowConsumer)} asks the store for the
 * latest announcement and refreshes at once, so a preview carrying a consistency token
 * does not wait for the next poll.
 */
final class CatchUpWatcher implements HollowConsumer.AnnouncementWatcher {

	private final HollowConsumer.AnnouncementWatcher delegate;

	private final Announcements announcements;

	private final AtomicLong nudged = new AtomicLong(NO_ANNOUNCEMENT_AVAILABLE);

	CatchUpWatcher(HollowConsumer.AnnouncementWatcher delegate, Announcements announcements) {
		this.delegate = delegate;
		this.announcements = announcements;
	}

	@Override
	public long getLatestVersion() {
		return Math.max(this.delegate.getLatestVersion(), this.nudged.get());
	}

	@Override
	public void subscribeToUpdates(HollowConsumer consumer) {
		this.delegate.subscribeToUpdates(consumer);
	}

	/**
	 * Reads the announced version now and refreshes the consumer to it (on the calling
	 * thread).
	 * @param consumer the consumer to refresh
	 */
	void catchUp(HollowConsumer consumer) {
		long announced = this.announcements.latest();
		if (announced != NO_ANNOUNCEMENT_AVAILABLE) {
			this.nudged.accumulateAndGet(announced, Math::max);
		}
		if (getLatestVersion() != consumer.getCurrentVersionId()) {
			consumer.triggerRefresh();
		}
	}

	HollowConsumer.AnnouncementWatcher delegate() {
		return this.delegate;
	}

}
