package dev.marquee.page.cassandra;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CassandraPathIntegrationTests extends IntegrationTestSupport {

	@BeforeEach
	void schema() {
		awaitSchema();
	}

	@Test
	void servesAPublishedPageFromTheReadTablesWithHeadersAndEtag() {
		long version = nextVersion();
		writeCassandra(page("kc-1", "kc-served", Stage.PUBLISHED, version, "Hello Cassandra"));
		HttpResponse<String> response = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/kc-served?readPath=KAFKA_CASSANDRA", null), (r) -> r.statusCode() == 200);
		assertThat(response.headers().firstValue(MarqueeHeaders.READ_PATH)).contains("KAFKA_CASSANDRA");
		assertThat(response.headers().firstValue(MarqueeHeaders.CONTENT_VERSION)).contains(Long.toString(version));
		assertThat(heading(response)).isEqualTo("Hello Cassandra");
		assertThat(json(response).path("elements")).hasSize(3);
		assertThat(json(response).path("elements").path(1).path("titles").path(0).path("name").asString())
			.isEqualTo("Stranger Things");
		String etag = response.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/pages/kc-served?readPath=KAFKA_CASSANDRA", null, "If-None-Match", etag).statusCode())
			.isEqualTo(304);
	}

	@Test
	void anEditBecomesVisibleOnlyAfterTheNearCacheRefreshesIt() {
		writeCassandra(page("kc-2", "kc-edited", Stage.PUBLISHED, nextVersion(), "Before"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> heading(get("/pages/kc-edited?readPath=KAFKA_CASSANDRA", null)), "Before"::equals);
		long edited = nextVersion();
		writeCassandra(page("kc-2", "kc-edited", Stage.PUBLISHED, edited, "After"));
		// The row is in Cassandra now, but the near cache still serves what it holds
		// until its refresh comes.
		assertThat(heading(get("/pages/kc-edited?readPath=KAFKA_CASSANDRA", null))).isEqualTo("Before");
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> heading(get("/pages/kc-edited?readPath=KAFKA_CASSANDRA", null)), "After"::equals);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> json(get("/api/propagation", null)).path("paths")
				.path("KAFKA_CASSANDRA")
				.path("count")
				.asLong() > 0);
	}

	@Test
	void aPreviewWithATokenBypassesTheNearCacheOnceTheWatermarkIsReached() {
		writeCassandra(page("kc-3", "kc-preview", Stage.PUBLISHED, nextVersion(), "Cached"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> heading(get("/pages/kc-preview?readPath=KAFKA_CASSANDRA", null)), "Cached"::equals);
		long edited = nextVersion();
		writeCassandra(page("kc-3", "kc-preview", Stage.PREVIEW, edited, "Fresh"));
		writeCassandra(page("kc-3", "kc-preview", Stage.PUBLISHED, edited, "Fresh"));
		writeWatermark(3, 100);
		String token = new ConsistencyToken(Map.of(3, 100L), null, Map.of("kc-3", edited)).encode();
		HttpResponse<String> preview = get("/preview/pages/kc-preview?readPath=KAFKA_CASSANDRA", EDITOR,
				MarqueeHeaders.CONSISTENCY_TOKEN, token);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(heading(preview)).isEqualTo("Fresh");
		assertThat(preview.headers().firstValue(MarqueeHeaders.CONTENT_VERSION)).contains(Long.toString(edited));
	}

	@Test
	void aPreviewWaitsForTheWatermarkAndTimesOutNamingTheLag() {
		long version = nextVersion();
		writeCassandra(page("kc-4", "kc-wait", Stage.PREVIEW, version, "Draft"));
		writeWatermark(4, 200);
		String behind = new ConsistencyToken(Map.of(4, 205L), null, Map.of()).encode();
		HttpResponse<String> timedOut = get("/preview/pages/kc-wait?readPath=KAFKA_CASSANDRA", EDITOR,
				MarqueeHeaders.CONSISTENCY_TOKEN, behind);
		assertThat(timedOut.statusCode()).isEqualTo(503);
		assertThat(timedOut.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(timedOut).path("type").asString()).isEqualTo("https://marquee.dev/problems/read-path-behind");
		assertThat(json(timedOut).path("readPath").asString()).isEqualTo("KAFKA_CASSANDRA");
		assertThat(json(timedOut).path("behindBy").asLong()).isEqualTo(5);

		String reachable = new ConsistencyToken(Map.of(4, 210L), null, Map.of()).encode();
		CompletableFuture<HttpResponse<String>> waiting = CompletableFuture
			.supplyAsync(() -> get("/preview/pages/kc-wait?readPath=KAFKA_CASSANDRA", EDITOR,
					MarqueeHeaders.CONSISTENCY_TOKEN, reachable));
		writeWatermark(4, 210);
		assertThat(waiting.join().statusCode()).isEqualTo(200);
	}

	@Test
	void draftsNeverAppearOnPublicEndpoints() {
		writeCassandra(page("kc-5", "kc-draft", Stage.PREVIEW, nextVersion(), "Secret draft"));
		assertThat(get("/pages/kc-draft?readPath=KAFKA_CASSANDRA", null).statusCode()).isEqualTo(404);
		assertThat(json(get("/pages/kc-draft?readPath=KAFKA_CASSANDRA", null)).path("type").asString())
			.isEqualTo("https://marquee.dev/problems/page-not-found");
		assertThat(get("/pages?readPath=KAFKA_CASSANDRA&size=1000", null).body()).doesNotContain("kc-draft");
		assertThat(heading(get("/preview/pages/kc-draft?readPath=KAFKA_CASSANDRA", EDITOR))).isEqualTo("Secret draft");
	}

	@Test
	void anInvalidTokenIsRejected() {
		HttpResponse<String> response = get("/preview/pages/kc-any?readPath=KAFKA_CASSANDRA", EDITOR,
				MarqueeHeaders.CONSISTENCY_TOKEN, "not-a-token");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("type").asString())
			.isEqualTo("https://marquee.dev/problems/invalid-consistency-token");
	}

}
