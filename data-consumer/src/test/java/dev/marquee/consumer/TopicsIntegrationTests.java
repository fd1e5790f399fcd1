package dev.marquee.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import dev.marquee.model.Topics;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared topic declaration (service-support) is in force here: the broker has both
 * topics as this service declares them.
 */
class TopicsIntegrationTests extends IntegrationTestSupport {

	@Test
	void bothTopicsExistWithTheSharedPartitionsRetentionAndReplication() throws Exception {
		List<String> names = List.of(Topics.PAGE_CHANGES, Topics.PAGE_CHANGES_DLT);
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(names)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			Map<ConfigResource, Config> configs = admin
				.describeConfigs(
						names.stream().map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);

			assertThat(topics.values()).hasSize(2)
				.allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(Topics.PARTITIONS));
			assertThat(configs.values()).hasSize(2).allSatisfy((config) -> {
				assertThat(config.get("retention.ms").value()).isEqualTo("-1");
				assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
			});
		}
	}

}
