package dev.marquee.ingestion;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.PageChanged;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing, health and metrics as an operator sees them on ingestion: a webhook's
 * {@code traceparent} carried to Kafka's record headers and the hollow producer's
 * request, health details for ADMIN only, Prometheus open.
 */
class ObservabilityIntegrationTests extends IngestionIntegrationTestSupport {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e" + "4736";

	@Test
	void webhookTraceparentReachesKafkaHeadersTheHollowProducerAndTheResponse() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("traced");
		String traceId = TRACE_ID.substring(0, 20) + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String body = Deliveries.homePage(page, "publish", 1, ids[0], ids[1]);
		String deliveryId = UUID.randomUUID().toString();

		HttpResponse<String> response = deliveries.send(deliveries.request("/webhooks/marquee")
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header("Marquee-Delivery-Id", deliveryId)
			.header("Marquee-Signature",
					NativeWebhook.sign(Deliveries.SECRET, deliveryId, System.currentTimeMillis(),
							body.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue(MarqueeHeaders.TRACE_ID)).contains(traceId);
		List<ConsumerRecord<String, byte[]>> records = awaitRecords(page, 2);
		for (ConsumerRecord<String, byte[]> record : records) {
			Header traceparent = record.headers().lastHeader("traceparent");
			assertThat(traceparent).as("traceparent header of " + record).isNotNull();
			assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
			PageChanged change = MarqueeJson.readPageChanged(record.value());
			assertThat(change.traceId()).isEqualTo(traceId);
		}
		assertThat(hollow.traceparents()).anySatisfy((header) -> assertThat(header).startsWith("00-" + traceId + "-"));
	}

	@Test
	void anonymousHealthIsTheStatusOnlyAndAdminSeesKafkaCassandraAndTheHollowProducer() {
		Deliveries deliveries = deliveries();

		JsonNode anonymous = json(deliveries.send(deliveries.request("/actuator/health").GET().build()), 200);
		JsonNode admin = json(deliveries.send(deliveries.asAdmin("/actuator/health").GET().build()), 200);
		JsonNode readiness = json(deliveries.send(deliveries.asAdmin("/actuator/health/readiness").GET().build()), 200);

		assertThat(anonymous.get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
		assertThat(admin.get("components").propertyNames()).contains("kafka", "cassandra", "hollowProducer");
		assertThat(admin.get("components").get("kafka").get("details").get("nodes").asInt()).isPositive();
		assertThat(readiness.get("components").propertyNames()).contains("kafka", "cassandra", "hollowProducer");
	}

	@Test
	void readinessIsDownWhileTheHollowProducerIsDown() {
		Deliveries deliveries = deliveries();
		hollow.available(false);
		try {
			HttpResponse<String> readiness = deliveries
				.send(deliveries.asAdmin("/actuator/health/readiness").GET().build());

			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(json(readiness, 503).get("components").get("hollowProducer").get("status").asString())
				.isEqualTo("DOWN");
		}
		finally {
			hollow.available(true);
		}
	}

	@Test
	void prometheusIsOpenWithTheApplicationTagAndClientCacheAndDriverMetrics() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		assertThat(deliveries.post(Deliveries.homePage(unique("metered"), "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);

		HttpResponse<String> scrape = deliveries.send(deliveries.request("/actuator/prometheus").GET().build());

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("application=\"ingestion-service\"")
			.contains("http_client_requests_seconds_count{")
			.contains("uri=\"/v1/writes\"")
			.contains("http_server_requests_seconds_count{")
			.contains("cache_gets_total{")
			.contains("cache=\"catalog\"")
			.contains("cassandra_session_cql_requests_seconds_count{")
			.contains("marquee_ingestion_publish_seconds_count{");
		assertThat(deliveries.send(deliveries.request("/actuator/metrics").GET().build()).statusCode()).isEqualTo(401);
	}

	private static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return MarqueeJson.mapper().readTree(response.body());
	}

	private static List<ConsumerRecord<String, byte[]>> awaitRecords(String pageId, int count) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = pageChangesFromTheBeginning()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
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
