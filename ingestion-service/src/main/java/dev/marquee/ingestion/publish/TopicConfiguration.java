package dev.marquee.ingestion.publish;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.marquee.model.Topics;

/**
 * Declares the page-change topic and its dead-letter topic; retention is infinite so the read tables can be
 * rebuilt by replaying the topic.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	NewTopic pageChanges() {
		return TopicBuilder.name(Topics.PAGE_CHANGES)
			.partitions(Topics.PARTITIONS)
			.replicas(1)
			.config("retention.ms", "-1")
			.build();
	}

	@Bean
	NewTopic pageChangesDeadLetters() {
		return TopicBuilder.name(Topics.PAGE_CHANGES_DLT)
			.partitions(Topics.PARTITIONS)
			.replicas(1)
			.config("retention.ms", "-1")
			.build();
	}

}
