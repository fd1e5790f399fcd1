package dev.marquee.model;

/**
 * The two read paths page construction can serve from.
 */
public enum ReadPath {

	/**
	 * Tudum's revised design: Hollow snapshots and deltas held in memory by every
	 * instance.
	 */
	HOLLOW,

	/**
	 * Tudum's original design: Kafka to Cassandra, read through an in-process near cache.
	 */
	KAFKA_CASSANDRA

}
