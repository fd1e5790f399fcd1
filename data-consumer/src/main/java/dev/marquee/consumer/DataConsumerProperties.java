package dev.marquee.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.marquee.model.cassandra.KeyspaceReplication;

/**
 * Settings of the data consumer.
 *
 * @param consumer the Kafka side: topics, retries, lag sampling
 * @param kafka how the topics are replicated (shared with ingestion: the same
 * {@code marquee.kafka.*} settings)
 * @param cassandra how the read keyspace is replicated
 */
@ConfigurationProperties("marquee")
public record DataConsumerProperties(@DefaultValue Consumer consumer, @DefaultValue Kafka kafka,
		@DefaultValue Cassandra cassandra) {

	/**
	 * The Kafka side.
	 *
	 * @param topic the topic of page changes
	 * @param dltTopic where records that can never be applied go
	 * @param partitions partitions of both topics when this service creates them
	 * @param retryInitialInterval first pause after a write failed because Cassandra is
	 * unavailable
	 * @param retryMaxInterval the longest pause between two attempts; retries never stop
	 * @param retryMultiplier growth of the pause from one attempt to the next
	 * @param unexpectedFailureAttempts attempts for a failure that is neither poison nor
	 * an outage (a bug) before the record goes to the dead-letter topic
	 * @param lagInterval how often consumer lag is sampled for metrics and health
	 */
	public record Consumer(@DefaultValue("marquee.page-changes") String topic,
			@DefaultValue("marquee.page-changes.DLT") String dltTopic, @DefaultValue("6") int partitions,
			@DefaultValue("200ms") Duration retryInitialInterval, @DefaultValue("5s") Duration retryMaxInterval,
			@DefaultValue("2.0") double retryMultiplier, @DefaultValue("3") int unexpectedFailureAttempts,
			@DefaultValue("5s") Duration lagInterval) {
	}

	/**
	 * Replication of both topics when this service creates them; ingestion reads the same
	 * settings, so whichever service declares the topics first declares them alike.
	 *
	 * @param replicationFactor copies of every partition (1 on a single broker, 3 on a
	 * cluster)
	 * @param minInsyncReplicas copies that must have a record before it is acknowledged
	 * to an {@code acks=all} producer (1 on a single broker, 2 with 3 copies)
	 */
	public record Kafka(@DefaultValue("1") short replicationFactor, @DefaultValue("1") int minInsyncReplicas) {
	}

	/**
	 * The read keyspace.
	 *
	 * @param replication {@code SimpleStrategy:1} on one node,
	 * {@code NetworkTopologyStrategy:<dc>=3} on a cluster (see
	 * {@link KeyspaceReplication#parse(String)})
	 */
	public record Cassandra(@DefaultValue("SimpleStrategy:1") String replication) {

		public KeyspaceReplication keyspaceReplication() {
			return KeyspaceReplication.parse(this.replication);
		}

	}

}
