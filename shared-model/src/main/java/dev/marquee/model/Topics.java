package dev.marquee.model;

import java.util.Map;

/**
 * Kafka topic names.
 */
public final class Topics {

	/** Every {@link PageChanged}, keyed by page id. */
	public static final String PAGE_CHANGES = "marquee.page-changes";

	/** Records the data consumer could not apply, with their origin in headers. */
	public static final String PAGE_CHANGES_DLT = PAGE_CHANGES + ".DLT";

	/**
	 * Partitions of both topics: the dead-letter topic keeps a record's partition, so
	 * they must match.
	 */
	public static final int PARTITIONS = 6;

	/**
	 * The configuration both topics are created and kept with, by whichever service
	 * declares them first.
	 * @param minInSyncReplicas replicas that must have a record before an
	 * {@code acks=all} write is acknowledged (1 on a single broker; 2 with replication
	 * factor 3, so one broker may be down and nothing acknowledged is lost)
	 * @return topic configuration entries
	 */
	public static Map<String, String> configs(int minInSyncReplicas) {
		// Retention is infinite: the read tables are rebuilt by replaying the topic.
		return Map.of("retention.ms", "-1", "min.insync.replicas", Integer.toString(minInSyncReplicas));
	}

	private Topics() {
	}

}
