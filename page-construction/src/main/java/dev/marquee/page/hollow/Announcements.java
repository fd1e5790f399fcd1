package dev.marquee.page.hollow;

/**
 * Asks the blob store, right now, which version is announced (used to catch up on
 * demand).
 */
interface Announcements {

	/**
	 * @return the announced version, or
	 * {@code HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE}
	 */
	long latest();

}
