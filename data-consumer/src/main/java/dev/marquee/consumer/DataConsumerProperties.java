package dev.marquee.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the data consumer.
 *
 * @param consumer the Kafka side: topics, retries, lag sampling
 * @param security local-default credentials of the HTTP API
 */
@ConfigurationProperties("marquee")
public record DataConsumerProperties(@DefaultValue Consumer consumer, @DefaultValue Security security) {

	/**
	 * The Kafka side.
	 *
	 * @param topic the topic of page changes
	 * @param dltTopic where records that can never be applied go
	 * @param partitions partitions of both topics when this service creates them
	 * @param replicationFactor replication factor of both topics when this service creates them
	 * @param retryInitialInterval first pause after a write failed because Cassandra is unavailable
	 * @param retryMaxInterval the longest pause between two attempts; retries never stop
	 * @param retryMultiplier growth of the pause from one attempt to the next
	 * @param unexpectedFailureAttempts attempts for a failure that is neither poison nor an outage (a bug)
	 * before the record goes to the dead-letter topic
	 * @param lagInterval how often consumer lag is sampled for metrics and health
	 */
	public record Consumer(@DefaultValue("marquee.page-changes") String topic,
			@DefaultValue("marquee.page-changes.DLT") String dltTopic, @DefaultValue("6") int partitions,
			@DefaultValue("1") short replicationFactor, @DefaultValue("200ms") Duration retryInitialInterval,
			@DefaultValue("5s") Duration retryMaxInterval, @DefaultValue("2.0") double retryMultiplier,
			@DefaultValue("3") int unexpectedFailureAttempts, @DefaultValue("5s") Duration lagInterval) {
	}

	/**
	 * HTTP Basic users; the defaults are for local use only and are logged as such at startup.
	 *
	 * @param adminPassword password of {@code admin} (roles ADMIN, EDITOR)
	 * @param editorPassword password of {@code editor} (role EDITOR)
	 * @param servicePassword password of {@code marquee-service} (role SERVICE)
	 */
	public record Security(@DefaultValue("marquee-admin-local") String adminPassword,
			@DefaultValue("marquee-editor-local") String editorPassword,
			@DefaultValue("marquee-service-local") String servicePassword) {
	}

}
