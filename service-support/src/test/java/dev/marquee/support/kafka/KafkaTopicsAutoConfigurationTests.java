package dev.marquee.support.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.KafkaAdmin;

import dev.marquee.model.Topics;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaTopicsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaTopicsAutoConfiguration.class));

	@Test
	void declaresBothTopicsOnOneBrokerByDefault() {
		this.runner.run((context) -> {
			Map<String, NewTopic> topics = byName(context.getBeansOfType(NewTopic.class));
			assertThat(topics).containsOnlyKeys(Topics.PAGE_CHANGES, Topics.PAGE_CHANGES_DLT);
			assertThat(topics.values()).allSatisfy((topic) -> {
				assertThat(topic.numPartitions()).isEqualTo(Topics.PARTITIONS);
				assertThat(topic.replicationFactor()).isEqualTo((short) 1);
				assertThat(topic.configs()).containsEntry("retention.ms", "-1")
					.containsEntry("min.insync.replicas", "1");
			});
		});
	}

	@Test
	void replicatesBothTopicsAlikeFromTheEnvironmentOnACluster() {
		Map<String, Object> env = Map.of("MARQUEE_KAFKA_REPLICATION_FACTOR", "3", "MARQUEE_KAFKA_MIN_INSYNC_REPLICAS",
				"2");
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("env", env)))
			.run((context) -> assertThat(context.getBeansOfType(NewTopic.class).values()).hasSize(2)
				.allSatisfy((topic) -> {
					assertThat(topic.replicationFactor()).isEqualTo((short) 3);
					assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
				}));
	}

	@Test
	void declaresNothingWithoutSpringKafka() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaAdmin.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NewTopic.class));
	}

	private static Map<String, NewTopic> byName(Map<String, NewTopic> beans) {
		Map<String, NewTopic> topics = new java.util.TreeMap<>();
		beans.values().forEach((topic) -> topics.put(topic.name(), topic));
		return topics;
	}

}
