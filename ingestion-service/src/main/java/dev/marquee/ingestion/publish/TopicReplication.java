package dev.marquee.ingestion.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replication of both page-change topics when this service creates them. The data
 * consumer reads the same {@code marquee.kafka.*} settings, so whichever service declares
 * the topics first declares them alike.
 *
 * @param replicationFactor copies of every partition (1 on a single broker, 3 on a
 * cluster)
 * @param minInsyncReplicas copies that must have a record before the {@code acks=all}
 * producer's send completes and the webhook is acknowledged (1 on a single broker, 2 with
 * 3 copies)
 */
@ConfigurationProperties("marquee.kafka")
public record TopicReplication(@DefaultValue("1") short replicationFactor, @DefaultValue("1") int minInsyncReplicas) {
}
