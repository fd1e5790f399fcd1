package dev.marquee.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import dev.marquee.model.Topics;

/**
 * Declares the page-change topic and its dead-letter topic in every service that has
 * spring-kafka (ingestion writes the first, data-consumer reads it and writes the
 * second), so whichever service starts first creates them alike and the other finds them
 * as they are. Retention is infinite: the read tables are rebuilt by replaying the topic,
 * and dead letters wait until they are re-driven.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaAdmin.class, NewTopic.class })
@EnableConfigurationProperties(TopicReplication.class)
public class KafkaTopicsAutoConfiguration {

	@Bean
	NewTopic pageChangesTopic(TopicReplication replication) {
		return topic(Topics.PAGE_CHANGES, replication);
	}

	@Bean
	NewTopic pageChangesDeadLetterTopic(TopicReplication replication) {
		return topic(Topics.PAGE_CHANGES_DLT, replication);
	}

	private static NewTopic topic(String name, TopicReplication replication) {
		// The dead-letter topic keeps a record's partition, so both have
		// Topics.PARTITIONS.
		return TopicBuilder.name(name)
			.partitions(Topics.PARTITIONS)
			.replicas(replication.replicationFactor())
			.configs(Topics.configs(replication.minInsyncReplicas()))
			.build();
	}

}
