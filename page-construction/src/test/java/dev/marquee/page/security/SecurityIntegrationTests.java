package dev.marquee.page.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SecurityIntegrationTests extends IntegrationTestSupport {

	@Test
	void previewAndAdminNeedCredentials() {
		for (String path : new String[] { "/preview/pages/anything", "/admin/read-path" }) {
			HttpResponse<String> response = get(path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
			assertThat(json(response).path("type").asString()).isEqualTo("https://marquee.dev/problems/unauthorized");
		}
		assertThat(get("/admin/read-path", "admin:wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void anEditorMayPreviewButNotToggle() {
		HttpResponse<String> response = get("/admin/read-path", EDITOR);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json(response).path("type").asString()).isEqualTo("https://marquee.dev/problems/forbidden");
		assertThat(put("/admin/read-path", "{\"readPath\":\"KAFKA_CASSANDRA\"}", EDITOR).statusCode()).isEqualTo(403);
		assertThat(get("/preview/pages/no-such-page", EDITOR).statusCode()).isEqualTo(404);
		assertThat(post("/admin/propagation/reset", EDITOR).statusCode()).isEqualTo(403);
	}

	@Test
	void publicReadsAndApiDocsAreOpen() {
		assertThat(get("/api/status", null).statusCode()).isEqualTo(200);
		assertThat(get("/api/propagation", null).statusCode()).isEqualTo(200);
		assertThat(get("/v3/api-docs", null).body()).contains("/pages/{slug}").contains("/admin/read-path");
		assertThat(get("/actuator/health", null).statusCode()).isIn(200, 503);
		assertThat(get("/actuator/prometheus", null).body()).contains("marquee_page_build");
	}

	@Test
	void theToggleFlipsTheReadPathOfLaterRequests() {
		awaitSchema();
		long version = nextVersion();
		publishHollow(page("t-1", "toggled", Stage.PUBLISHED, version, "Toggle"));
		writeCassandra(page("t-1", "toggled", Stage.PUBLISHED, version, "Toggle"));
		try {
			assertThat(put("/admin/read-path", "{\"readPath\":\"KAFKA_CASSANDRA\"}", ADMIN).statusCode())
				.isEqualTo(200);
			await().until(() -> get("/pages/toggled", null).statusCode() == 200);
			assertThat(get("/pages/toggled", null).headers().firstValue(MarqueeHeaders.READ_PATH))
				.contains("KAFKA_CASSANDRA");
			assertThat(json(get("/admin/read-path", ADMIN)).path("readPath").asString()).isEqualTo("KAFKA_CASSANDRA");
			assertThat(put("/admin/read-path", "{\"readPath\":\"HOLLOW\"}", ADMIN).statusCode()).isEqualTo(200);
			await().until(() -> get("/pages/toggled", null).statusCode() == 200);
			assertThat(get("/pages/toggled", null).headers().firstValue(MarqueeHeaders.READ_PATH)).contains("HOLLOW");
		}
		finally {
			put("/admin/read-path", "{\"readPath\":\"HOLLOW\"}", ADMIN);
		}
	}

	@Test
	void anAdminMayResetThePropagationLog() {
		assertThat(post("/admin/propagation/reset", ADMIN).statusCode()).isEqualTo(204);
		assertThat(json(get("/api/propagation", null)).path("recentEdits")).isEmpty();
	}

	@Test
	void anUnknownReadPathIsABadRequest() {
		HttpResponse<String> response = get("/pages/x?readPath=SOMEWHERE", null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

}
