package dev.marquee.consumer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing, health and metrics as an operator sees them on the data consumer: the
 * producer's trace restored from the record headers into the log, health details for
 * ADMIN only, Prometheus open.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends IntegrationTestSupport {

	@Test
	void traceparentInTheRecordHeadersIsTheTraceOfTheApplyLogLine(CapturedOutput output) throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		PageChanged change = TestChanges.upsert("traced-" + traceId.substring(0, 8), "traced-" + traceId, 1, 1);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PAGE_CHANGES, change.pageId(),
				MarqueeJson.write(change));
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

		producer().send(record).get();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"\\[" + traceId + "-[0-9a-f]{16}\\].*APPLIED " + change.pageId() + " PUBLISHED v1 from "));
	}

	@Test
	void anonymousHealthIsTheStatusOnlyAndAdminSeesKafkaCassandraAndTheConsumer() {
		HttpResponse<String> anonymous = http("GET", "/actuator/health", null);
		HttpResponse<String> admin = http("GET", "/actuator/health", ADMIN);
		HttpResponse<String> readiness = http("GET", "/actuator/health/readiness", ADMIN);

		assertThat(anonymous.statusCode()).isEqualTo(200);
		JsonNode status = MarqueeJson.mapper().readTree(anonymous.body());
		assertThat(status.get("status").asString()).isEqualTo("UP");
		assertThat(status.has("components")).isFalse();
		assertThat(MarqueeJson.mapper().readTree(admin.body()).get("components").propertyNames()).contains("kafka",
				"cassandra", "consumer");
		assertThat(MarqueeJson.mapper().readTree(readiness.body()).get("components").propertyNames())
			.containsExactlyInAnyOrder("readinessState", "kafka", "cassandra", "consumer");
	}

	@Test
	void prometheusIsOpenWithTheApplicationTagAndDriverAndListenerMetrics() {
		String pageId = "metered-" + UUID.randomUUID().toString().substring(0, 8);
		publish(TestChanges.upsert(pageId, pageId, 1, 1));
		// The listener's observation is timed once it handled a record.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http("GET", "/actuator/prometheus", null).body()
				.contains("spring_kafka_listener_seconds_count{"));

		HttpResponse<String> scrape = http("GET", "/actuator/prometheus", null);

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("application=\"data-consumer\"")
			.contains("cassandra_session_cql_requests_seconds_count{")
			.contains("cassandra_nodes_pool_open_connections{")
			.contains("marquee_consumer_lag{")
			.contains("marquee_consumer_records_applied_total{");
		assertThat(http("GET", "/actuator/metrics", null).statusCode()).isEqualTo(401);
	}

}
