package dev.marquee.page.hollow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.netflix.hollow.api.consumer.HollowConsumer;

/**
 * Watches {@code announced.version} in a filesystem blob store (what
 * {@code HollowFilesystemAnnouncer} writes). Hollow's own filesystem watcher polls once a
 * second; this one polls at a configurable, much shorter interval, since reading a tiny
 * file is cheap and the second is most of the path's propagation time.
 */
final class FilesystemAnnouncementWatcher implements HollowConsumer.AnnouncementWatcher, Announcements, AutoCloseable {

	private final Path file;

	private final Duration pollInterval;

	private final AtomicLong latest = new AtomicLong(NO_ANNOUNCEMENT_AVAILABLE);

	private final List<HollowConsumer> consumers = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "hollow-fs-announcement-watcher");
		thread.setDaemon(true);
		return thread;
	});

	FilesystemAnnouncementWatcher(Path blobDir, Duration pollInterval) {
		this.file = blobDir.resolve("announced.version");
		this.pollInterval = pollInterval;
		this.latest.set(latest());
	}

	@Override
	public long getLatestVersion() {
		return this.latest.get();
	}

	@Override
	public void subscribeToUpdates(HollowConsumer consumer) {
		this.consumers.add(consumer);
		if (this.consumers.size() == 1) {
			this.poller.scheduleWithFixedDelay(this::poll, 0, this.pollInterval.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public long latest() {
		try {
			return Long.parseLong(Files.readString(this.file, StandardCharsets.US_ASCII).strip());
		}
		catch (NoSuchFileException ex) {
			return NO_ANNOUNCEMENT_AVAILABLE;
		}
		catch (IOException | NumberFormatException ex) {
			// The announcer replaces the file atomically, but be lenient with a
			// half-written one.
			return this.latest.get();
		}
	}

	private void poll() {
		long announced = latest();
		if (announced != NO_ANNOUNCEMENT_AVAILABLE && this.latest.getAndSet(announced) != announced) {
			for (HollowConsumer consumer : this.consumers) {
				consumer.triggerAsyncRefresh();
			}
		}
	}

	@Override
	public void close() {
		this.poller.shutdownNow();
	}

}
