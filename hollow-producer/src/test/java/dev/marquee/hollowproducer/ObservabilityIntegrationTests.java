package dev.marquee.hollowproducer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing, health and metrics as an operator sees them on the hollow producer (a child
 * JVM, its log a file): a write's {@code traceparent} is the trace of its log line,
 * health details for ADMIN only, Prometheus open.
 */
class ObservabilityIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path work;

	static ProducerProcess producer;

	@BeforeAll
	static void start() {
		producer = new ProducerProcess(work.resolve("blobs"), work.resolve("producer.log"), ProducerProcess.freePort())
			.start();
	}

	@AfterAll
	static void stop() {
		producer.stop();
	}

	@Test
	void writeTraceparentIsTheTraceOfTheWriteLogLine() throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		byte[] body = MarqueeJson.mapper()
			.writeValueAsBytes(new HollowWriteRequest(List.of(Pages.upsert("traced-page", 1, "Traced"))));

		HttpResponse<String> written = send(HttpRequest.newBuilder(producer.uri().resolve("/v1/writes"))
			.header("Authorization", basic("marquee-service", "marquee-service-local"))
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
		assertThat(written.headers().firstValue("Marquee-Trace-Id")).contains(traceId);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(producer.log()).containsPattern(
					"\\[" + traceId + "-[0-9a-f]{16}\\].*Writing 1 change\\(s\\) into the log: traced-page"));
	}

	@Test
	void anonymousHealthIsTheStatusOnlyAndAdminSeesTheProducer() throws Exception {
		JsonNode anonymous = json(send(HttpRequest.newBuilder(producer.uri().resolve("/actuator/health"))));
		JsonNode admin = json(send(HttpRequest.newBuilder(producer.uri().resolve("/actuator/health"))
			.header("Authorization", basic("admin", "marquee-admin-local"))));
		JsonNode readiness = json(send(HttpRequest.newBuilder(producer.uri().resolve("/actuator/health/readiness"))
			.header("Authorization", basic("admin", "marquee-admin-local"))));

		assertThat(anonymous.get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
		assertThat(admin.get("components").get("hollowProducer").has("details")).isTrue();
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState",
				"hollowProducer", "diskSpace");
	}

	@Test
	void prometheusIsOpenToAnonymousWithTheApplicationTag() throws Exception {
		HttpResponse<String> scrape = send(HttpRequest.newBuilder(producer.uri().resolve("/actuator/prometheus")));
		HttpResponse<String> metrics = send(HttpRequest.newBuilder(producer.uri().resolve("/actuator/metrics")));

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("application=\"hollow-producer\"")
			.contains("marquee_hollow_version{")
			.contains("marquee_hollow_log_head{")
			.contains("http_server_requests_seconds_count{");
		assertThat(metrics.statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return MarqueeJson.mapper().readTree(response.body());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
