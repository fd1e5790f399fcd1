package dev.marquee.ingestion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service for integration tests: real Kafka and Cassandra, a stand-in of the
 * hollow producer's write API, and helpers to post deliveries and read the Kafka topic.
 * One Spring context for every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
// Every subclass shares one context, so the Cassandra request recorder is part of it.
@Import(CassandraRequests.class)
abstract class IngestionIntegrationTestSupport {

	static final HollowProducerStub hollow = new HollowProducerStub();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.registerKafka(registry);
		RealInfrastructure.registerCassandra(registry);
		registry.add("marquee.write-paths.enabled", () -> "KAFKA,HOLLOW");
		registry.add("marquee.write-paths.hollow.url", hollow::url);
		registry.add("marquee.webhooks.max-body-size", () -> "64KB");
	}

	@LocalServerPort
	int port;

	Deliveries deliveries() {
		return new Deliveries(this.port);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Publishes an asset and a title using it; returns their ids. */
	String[] catalog(Deliveries deliveries) {
		String asset = unique("asset");
		String title = unique("title");
		assertThat(deliveries.post(Deliveries.asset(asset, 1)).statusCode()).isEqualTo(200);
		assertThat(deliveries.post(Deliveries.title(title, 1, "Stranger Days", asset)).statusCode()).isEqualTo(200);
		return new String[] { asset, title };
	}

	/** A consumer of every partition of the page-changes topic, at the beginning. */
	static KafkaConsumer<String, byte[]> pageChangesFromTheBeginning() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
		List<TopicPartition> partitions = new ArrayList<>();
		for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
			partitions.add(new TopicPartition(Topics.PAGE_CHANGES, partition));
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return consumer;
	}

	static List<PageChanged> awaitKafka(String pageId, Predicate<List<PageChanged>> done) {
		List<PageChanged> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = pageChangesFromTheBeginning()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (pageId.equals(record.key())) {
						found.add(MarqueeJson.readPageChanged(record.value()));
					}
				}
				return done.test(found);
			});
		}
		return found;
	}

}
