package dev.marquee.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replication of the page-change topic and its dead-letter topic, the same for every
 * service that declares them (env {@code MARQUEE_KAFKA_REPLICATION_FACTOR},
 * {@code MARQUEE_KAFKA_MIN_INSYNC_REPLICAS} bind here by Boot's relaxed binding).
 *
 * @param replicationFactor copies of every partition (1 on a single broker, 3 on a
 * cluster)
 * @param minInsyncReplicas copies that must have a record before an {@code acks=all}
 * write is acknowledged (1 on a single broker, 2 with 3 copies, so one broker may be down
 * and nothing acknowledged is lost)
 */
@ConfigurationProperties("marquee.kafka")
public record TopicReplication(@DefaultValue("1") short replicationFactor, @DefaultValue("1") int minInsyncReplicas) {
}
