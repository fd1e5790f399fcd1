package dev.marquee.model;

/**
 * Kafka topic names.
 */
public final class Topics {

	/** Every {@link PageChanged}, keyed by page id. */
	public static final String PAGE_CHANGES = "marquee.page-changes";

	/** Records the data consumer could not apply, with their origin in headers. */
	public static final String PAGE_CHANGES_DLT = PAGE_CHANGES + ".DLT";

	/** Partitions of both topics: the dead-letter topic keeps a record's partition, so they must match. */
	public static final int PARTITIONS = 6;

	private Topics() {
	}

}
