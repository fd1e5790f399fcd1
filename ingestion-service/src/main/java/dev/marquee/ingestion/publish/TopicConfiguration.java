package dev.marquee.ingestion.publish;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.marquee.model.Topics;

/**
 * Declares the page-change topic and its dead-letter topic; retention is infinite so the
 * read tables can be rebuilt by replaying the topic.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	NewTopic pageChanges(TopicReplication replication) {
		return topic(Topics.PAGE_CHANGES, replication);
	}

	@Bean
	NewTopic pageChangesDeadLetters(TopicReplication replication) {
		return topic(Topics.PAGE_CHANGES_DLT, replication);
	}

	private static NewTopic topic(String name, TopicReplication replication) {
		return TopicBuilder.name(name)
			.partitions(Topics.PARTITIONS)
			.replicas(replication.replicationFactor())
			.configs(Topics.configs(replication.minInsyncReplicas()))
			.build();
	}

}
