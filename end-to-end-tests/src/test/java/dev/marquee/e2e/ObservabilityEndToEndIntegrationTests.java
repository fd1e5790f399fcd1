package dev.marquee.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.e2e.MarqueeClient.Answer;
import dev.marquee.e2e.PlatformUnderTest.Service;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Topics;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the running platform: one W3C trace from a webhook through
 * Kafka's record headers, the data consumer, the hollow producer and page construction's
 * first read of the version, and the same health and metrics rules on all four services.
 */
class ObservabilityEndToEndIntegrationTests {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

	private static PlatformUnderTest platform;

	private static MarqueeClient client;

	@BeforeAll
	static void startPlatform() {
		platform = PlatformUnderTest.shared();
		client = new MarqueeClient(platform.url(Service.INGESTION), platform.url(Service.PAGE_CONSTRUCTION));
	}

	@Test
	void aWebhooksTraceparentFollowsTheEditThroughEveryService() throws Exception {
		PlatformEndToEndIntegrationTests.Catalog catalog = PlatformEndToEndIntegrationTests.Catalog.publish("traced",
				client);
		String slug = "traced-" + catalog.suffix();
		String pageId = "page-" + slug;
		String traceId = UUID.randomUUID().toString().replace("-", "");

		Answer accepted = client.tracedWebhook(Content.page("publish", pageId, slug, "Traced heading",
				catalog.titleId(), catalog.talentId(), catalog.assetId(), 1), "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(accepted.status()).as(accepted.body()).isBetween(200, 299);
		assertThat(accepted.header(MarqueeHeaders.TRACE_ID)).isEqualTo(traceId);
		// Kafka: the trace context travels in the record headers.
		for (ConsumerRecord<String, byte[]> record : records(pageId, 2)) {
			Header traceparent = record.headers().lastHeader("traceparent");
			assertThat(traceparent).as("traceparent of " + record).isNotNull();
			assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
		}
		// Every service's log lines carry [traceId-spanId]; the consumer's and the
		// producer's are this trace.
		String traced = "[" + traceId + "-";
		await().atMost(VISIBLE_WITHIN)
			.untilAsserted(() -> assertThat(lines(Service.DATA_CONSUMER, traced)).anyMatch((l) -> l.contains(pageId)));
		await().atMost(VISIBLE_WITHIN)
			.untilAsserted(
					() -> assertThat(lines(Service.HOLLOW_PRODUCER, traced)).anyMatch((l) -> l.contains(pageId)));
		assertThat(lines(Service.INGESTION, traced)).anyMatch((l) -> l.contains("Ingested publish page " + pageId));
		// Page construction logs the first read of the new version with the trace of the
		// write that produced it.
		await().atMost(VISIBLE_WITHIN).until(() -> client.page(slug, "HOLLOW").status() == 200);
		Answer page = client.page(slug, "HOLLOW");
		assertThat(page.header(MarqueeHeaders.TRACE_ID)).isEqualTo(traceId);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lines(Service.PAGE_CONSTRUCTION, "First read of PUBLISHED " + slug + " v"))
				.anyMatch((line) -> line.contains("(write trace " + traceId + ")")));
	}

	@Test
	void everyServiceAnswersHealthStatusOnlyToAnonymousDetailsToAdminAndPrometheusToAnyone() throws Exception {
		Map<Service, String> readiness = Map.of(Service.INGESTION, "hollowProducer", Service.DATA_CONSUMER, "consumer",
				Service.HOLLOW_PRODUCER, "hollowProducer", Service.PAGE_CONSTRUCTION, "hollowConsumer");
		for (Service service : Service.values()) {
			String url = platform.url(service);
			Answer anonymous = MarqueeClient.getUrl(url + "/actuator/health", null);
			Answer admin = MarqueeClient.getUrl(url + "/actuator/health", MarqueeClient.ADMIN);
			Answer ready = MarqueeClient.getUrl(url + "/actuator/health/readiness", MarqueeClient.ADMIN);
			Answer prometheus = MarqueeClient.getUrl(url + "/actuator/prometheus", null);
			Answer metrics = MarqueeClient.getUrl(url + "/actuator/metrics", null);

			assertThat(anonymous.status()).as(service + ": " + anonymous.body()).isEqualTo(200);
			assertThat(anonymous.json().get("status").asString()).as(service.module).isEqualTo("UP");
			assertThat(anonymous.json().propertyNames()).as(service.module).doesNotContain("components", "details");
			JsonNode components = admin.json().get("components");
			assertThat(components).as(service + " admin health").isNotNull();
			assertThat(components.propertyNames()).as(service.module).contains("diskSpace", "readinessState");
			assertThat(ready.json().get("components").propertyNames()).as(service.module)
				.contains(readiness.get(service));
			assertThat(prometheus.status()).as(service.module).isEqualTo(200);
			assertThat(prometheus.body()).as(service.module)
				.contains("application=\"" + service.module + "\"")
				.contains("http_server_requests_seconds_count{");
			assertThat(metrics.status()).as(service.module).isEqualTo(401);
			// Kept for whoever writes dashboards: every series a running service exports.
			Files.writeString(java.nio.file.Path.of("target", "prometheus-" + service.module + ".txt"),
					prometheus.body());
		}
	}

	private static List<String> lines(Service service, String containing) throws Exception {
		return Files.readAllLines(platform.log(service)).stream().filter((line) -> line.contains(containing)).toList();
	}

	private static List<ConsumerRecord<String, byte[]>> records(String pageId, int count) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				RealInfrastructure.kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
				partitions.add(new TopicPartition(Topics.PAGE_CHANGES, partition));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(VISIBLE_WITHIN).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (pageId.equals(record.key())) {
						found.add(record);
					}
				}
				return found.size() >= count;
			});
		}
		return found;
	}

}
