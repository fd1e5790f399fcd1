package dev.marquee.page;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing, health and metrics as an operator sees them on page construction: the first
 * read of a version logged with its write's trace, status-only anonymous health, a
 * readiness group of the Hollow state only, open Prometheus.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends IntegrationTestSupport {

	@Test
	void firstReadOfANewVersionIsLoggedOnceWithTheWritesTrace(CapturedOutput output) {
		String slug = "traced-" + UUID.randomUUID().toString().substring(0, 8);
		Page page = page("page-" + slug, slug, Stage.PUBLISHED, nextVersion(), "Traced");
		publishHollow(page);
		String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
		HttpResponse<String> first = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("/pages/" + slug + "?readPath=HOLLOW", null, "traceparent", traceparent),
					(r) -> r.statusCode() == 200);
		get("/pages/" + slug + "?readPath=HOLLOW", null);

		String line = "First read of PUBLISHED " + slug + " v" + page.contentVersion() + " from HOLLOW (write trace "
				+ page.traceId() + ")";
		assertThat(output.getOut()).containsOnlyOnce(line);
		// The line's [trace-span] prefix is the reading request's trace, from its
		// traceparent.
		assertThat(output.getOut()).containsPattern(
				"\\[" + traceparent.substring(3, 35) + "-[0-9a-f]{16}\\].*" + java.util.regex.Pattern.quote(line));
		// A page answer names the trace of the write that produced it, as before traces
		// were W3C.
		assertThat(first.headers().allValues(MarqueeHeaders.TRACE_ID)).containsExactly(page.traceId());
	}

	@Test
	void aPublicReadThatStartsATraceIsUnsampledButStillLogsItsTraceId(CapturedOutput output) {
		String slug = "untraced-" + UUID.randomUUID().toString().substring(0, 8);
		Page page = page("page-" + slug, slug, Stage.PUBLISHED, nextVersion(), "Untraced");
		publishHollow(page);
		HttpResponse<String> first = await().atMost(Duration.ofSeconds(60))
			.until(() -> get("/pages/" + slug + "?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);

		String line = "First read of PUBLISHED " + slug + " v" + page.contentVersion() + " from HOLLOW (write trace "
				+ page.traceId() + ")";
		// marquee.tracing.unsampled-get-paths: no span is recorded, but the read has a
		// trace id and span id all the same.
		assertThat(output.getOut())
			.containsPattern("\\[[0-9a-f]{32}-[0-9a-f]{16}\\].*" + java.util.regex.Pattern.quote(line));
		assertThat(first.headers().allValues(MarqueeHeaders.TRACE_ID)).containsExactly(page.traceId());
	}

	@Test
	void otherAnswersCarryTheRequestsTraceId() {
		String traceId = UUID.randomUUID().toString().replace("-", "");

		HttpResponse<String> status = get("/api/status", null, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(status.headers().allValues(MarqueeHeaders.TRACE_ID)).containsExactly(traceId);
	}

	@Test
	void anonymousHealthIsTheStatusOnlyAndReadinessNeedsTheHollowStateOnly() {
		// Out of service until a first Hollow state is installed.
		String slug = "healthy-" + UUID.randomUUID().toString().substring(0, 8);
		publishHollow(page("page-" + slug, slug, Stage.PUBLISHED, nextVersion(), "Healthy"));
		await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health", null).statusCode() == 200);

		JsonNode anonymous = json(get("/actuator/health", null));
		JsonNode admin = json(get("/actuator/health", ADMIN));
		JsonNode readiness = json(get("/actuator/health/readiness", ADMIN));

		assertThat(anonymous.get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
		assertThat(admin.get("components").propertyNames()).contains("hollowConsumer", "cassandra", "nearCache");
		assertThat(admin.get("components").get("hollowConsumer").has("details")).isTrue();
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState",
				"hollowConsumer");
	}

	@Test
	void prometheusIsOpenWithTheApplicationTagAndReadPathGauges() {
		awaitSchema();
		get("/pages/no-such-page-" + UUID.randomUUID() + "?readPath=KAFKA_CASSANDRA", null);

		HttpResponse<String> scrape = get("/actuator/prometheus", null);

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("application=\"page-construction\"")
			.contains("marquee_hollow_consumer_version{")
			.contains("marquee_hollow_overlay_entries{")
			.contains("marquee_nearcache_reads_total{")
			.contains("result=\"miss\"")
			.contains("marquee_nearcache_size{")
			.contains("marquee_nearcache_cycle_duration_seconds{")
			.contains("cassandra_session_cql_requests_seconds_count{")
			.contains("http_server_requests_seconds_count{")
			// Spring Security's observations are off (service-support's
			// ObservabilityDefaults): the HTTP server observation covers a request.
			.doesNotContain("spring_security_");
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
	}

}
