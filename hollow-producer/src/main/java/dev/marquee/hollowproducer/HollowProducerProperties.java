package dev.marquee.hollowproducer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hollow-producer.
 *
 * @param hollow the producer, its batching and its blob store
 * @param security the local users
 */
@ConfigurationProperties("marquee")
public record HollowProducerProperties(@DefaultValue Hollow hollow, @DefaultValue Security security) {

	/**
	 * Producer, batching and blob-store settings.
	 *
	 * @param blobDir where snapshots, deltas, reverse deltas, headers, the announced version and the
	 * single-producer lock live
	 * @param numStatesBetweenSnapshots how many states are published as deltas only between two snapshots
	 * @param snapshotsToKeep how many snapshots (and the deltas after the oldest of them) the cleaner keeps
	 * @param batchMaxWait how long the first write of a batch waits for more writes to join its cycle
	 * @param batchMaxChanges the most page changes one cycle takes
	 * @param maxQueuedWrites how many write requests may wait for a cycle before new ones are refused (503)
	 * @param writeTimeout how long a write request waits for its cycle before it is answered 503
	 * @param maxAwait the longest long-poll of {@code /v1/announcements/await}
	 * @param integrityCheck whether each cycle verifies that its delta and reverse delta reproduce the
	 * snapshot's checksum before announcing (Hollow's default, off here: it costs time proportional to the
	 * state's size and roughly doubled the cycle in our measurements)
	 */
	public record Hollow(@DefaultValue(".marquee/data/hollow-producer/blobs") Path blobDir,
			@DefaultValue("50") int numStatesBetweenSnapshots, @DefaultValue("3") int snapshotsToKeep,
			@DefaultValue("5ms") Duration batchMaxWait, @DefaultValue("1000") int batchMaxChanges,
			@DefaultValue("10000") int maxQueuedWrites, @DefaultValue("30s") Duration writeTimeout,
			@DefaultValue("60s") Duration maxAwait, @DefaultValue("false") boolean integrityCheck) {

		public Hollow {
			if (snapshotsToKeep < 1) {
				throw new IllegalArgumentException("marquee.hollow.snapshots-to-keep must be at least 1");
			}
			if (numStatesBetweenSnapshots < 0 || batchMaxChanges < 1 || maxQueuedWrites < 1) {
				throw new IllegalArgumentException("marquee.hollow batching and snapshot settings must be positive");
			}
		}

	}

	/**
	 * Passwords of the local users (HTTP Basic); the defaults are local defaults, set from the environment in
	 * production.
	 *
	 * @param adminPassword {@code admin} (ADMIN, EDITOR)
	 * @param editorPassword {@code editor} (EDITOR)
	 * @param servicePassword {@code marquee-service} (SERVICE: writes and blob reads)
	 */
	public record Security(@DefaultValue("marquee-admin-local") String adminPassword,
			@DefaultValue("marquee-editor-local") String editorPassword,
			@DefaultValue("marquee-service-local") String servicePassword) {

		/** The admin's local default password. */
		public static final String LOCAL_ADMIN_PASSWORD = "marquee-admin-local";

		/** The editor's local default password. */
		public static final String LOCAL_EDITOR_PASSWORD = "marquee-editor-local";

		/** The service user's local default password. */
		public static final String LOCAL_SERVICE_PASSWORD = "marquee-service-local";

	}

}
