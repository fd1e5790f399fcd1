package dev.marquee.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.custom.HollowAPI;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;

import dev.marquee.bench.load.Latencies;
import dev.marquee.model.hollow.remote.HollowProducerEndpoint;
import dev.marquee.model.hollow.remote.HttpAnnouncementWatcher;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;

/**
 * A real Hollow consumer in the benchmark's JVM that follows the hollow-producer exactly
 * as page-construction does (HTTP blobs, long-poll announcements), timing each refresh:
 * the consumer-refresh stage of HOLLOW propagation.
 */
final class HollowFollower implements AutoCloseable {

	final Latencies refreshes = new Latencies();

	final Latencies deltaApply = new Latencies();

	private final HttpAnnouncementWatcher watcher;

	private final HollowConsumer consumer;

	private volatile long refreshStarted;

	private volatile long deltaStarted;

	HollowFollower(URI producer, String servicePassword) throws Exception {
		HollowProducerEndpoint endpoint = HollowProducerEndpoint.of(producer, HollowProducerEndpoint.SERVICE_USER,
				servicePassword);
		Path staging = Files.createTempDirectory("marquee-bench-blobs");
		staging.toFile().deleteOnExit();
		this.watcher = new HttpAnnouncementWatcher(endpoint, Duration.ofSeconds(20), Duration.ofMillis(100),
				Duration.ofSeconds(5));
		this.consumer = HollowConsumer.withBlobRetriever(new HttpBlobRetriever(endpoint, staging))
			.withAnnouncementWatcher(this.watcher)
			.withRefreshListener(new HollowConsumer.AbstractRefreshListener() {

				@Override
				public void refreshStarted(long currentVersion, long requestedVersion) {
					HollowFollower.this.refreshStarted = System.nanoTime();
				}

				@Override
				public void blobLoaded(HollowConsumer.Blob transition) {
					HollowFollower.this.deltaStarted = System.nanoTime();
				}

				@Override
				public void deltaUpdateOccurred(HollowAPI api, HollowReadStateEngine stateEngine, long version) {
					if (HollowFollower.this.deltaStarted != 0) {
						HollowFollower.this.deltaApply.record(System.nanoTime() - HollowFollower.this.deltaStarted);
					}
				}

				@Override
				public void snapshotUpdateOccurred(HollowAPI api, HollowReadStateEngine stateEngine, long version) {
				}

				@Override
				public void refreshSuccessful(long beforeVersion, long afterVersion, long requestedVersion) {
					if (beforeVersion != HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE
							&& beforeVersion > 0) {
						HollowFollower.this.refreshes.record(System.nanoTime() - HollowFollower.this.refreshStarted);
					}
				}

			})
			.build();
		// The initial snapshot load is not a refresh of the kind propagation waits for;
		// it is excluded above.
		this.consumer.triggerRefresh();
	}

	long version() {
		return this.consumer.getCurrentVersionId();
	}

	@Override
	public void close() {
		this.watcher.close();
	}

}
