package dev.marquee.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.marquee.model.cassandra.KeyspaceReplication;

/**
 * Settings of the data consumer.
 *
 * @param consumer the Kafka side: retries, lag sampling (the topics and their replication
 * are service-support's, shared with ingestion)
 * @param cassandra how the read keyspace is replicated
 */
@ConfigurationProperties("marquee")
public record DataConsumerProperties(@DefaultValue Consumer consumer, @DefaultValue Cassandra cassandra) {

	/**
	 * The Kafka side.
	 *
	 * @param retryInitialInterval first pause after a write failed because Cassandra is
	 * unavailable
	 * @param retryMaxInterval the longest pause between two attempts; retries never stop
	 * @param retryMultiplier growth of the pause from one attempt to the next
	 * @param unexpectedFailureAttempts attempts for a failure that is neither poison nor
	 * an outage (a bug) before the record goes to the dead-letter topic
	 * @param lagInterval how often consumer lag is sampled for metrics and health
	 */
	public record Consumer(@DefaultValue("200ms") Duration retryInitialInterval,
			@DefaultValue("5s") Duration retryMaxInterval, @DefaultValue("2.0") double retryMultiplier,
			@DefaultValue("3") int unexpectedFailureAttempts, @DefaultValue("5s") Duration lagInterval) {
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
