package dev.marquee.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import dev.marquee.model.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service that declares the shared topics (service-support's
 * {@code KafkaTopicsAutoConfiguration}) checks against its broker: both topics exist with
 * the shared partitions, retention and replication. One assertion, so the services'
 * integration tests cannot drift apart.
 */
public final class SharedTopics {

	private SharedTopics() {
	}

	/**
	 * Asserts that the broker holds the page-change topic and its dead-letter topic as
	 * declared on a single node: {@link Topics#PARTITIONS} partitions, kept forever,
	 * {@code min.insync.replicas=1}.
	 * @param bootstrapServers the broker
	 * @throws Exception when the broker cannot be asked
	 */
	public static void assertDeclaredOnSingleNode(String bootstrapServers) throws Exception {
		List<String> names = List.of(Topics.PAGE_CHANGES, Topics.PAGE_CHANGES_DLT);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
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
