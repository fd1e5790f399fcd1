package dev.marquee.hollowproducer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/api-docs} as a client generator reads it: a title, the Basic scheme, and
 * every problem type of the write, log, blob and announcement API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ApiDocsIntegrationTests {

	private static final String TYPES = "https://marquee.dev/problems/";

	@TempDir
	static Path work;

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("marquee.hollow.blob-dir", () -> work.resolve("blobs").toString());
		registry.add("marquee.hollow.log.dir", () -> work.resolve("log").toString());
	}

	@LocalServerPort
	int port;

	@Test
	void everyOperationIsDescribedWithItsSchemeAndProblems() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode docs = MarqueeJson.mapper().readTree(response.body());

		assertThat(docs.at("/openapi").asString()).startsWith("3.1");
		assertThat(docs.at("/info/title").asString()).isEqualTo("Marquee hollow producer");
		assertThat(docs.at("/info/description").asString()).contains("write log");
		assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		List<String> paths = docs.path("paths").propertyNames().stream().toList();
		assertThat(paths).contains("/v1/writes", "/v1/log", "/v1/blobs/snapshot", "/v1/announcements/await");
		for (String path : paths) {
			JsonNode operation = docs.path("paths").path(path);
			operation = operation.has("post") ? operation.path("post") : operation.path("get");
			assertThat(operation.at("/security/0").has("basic")).as(path).isTrue();
			assertThat(types(operation, "401")).as(path).containsExactly(TYPES + "unauthorized");
			assertThat(types(operation, "403")).as(path).containsExactly(TYPES + "forbidden");
			assertThat(types(operation, "500")).as(path).containsExactly(TYPES + "internal-error");
		}
		JsonNode writes = docs.at("/paths/~1v1~1writes/post");
		assertThat(types(writes, "400")).containsExactlyInAnyOrder(TYPES + "invalid-hollow-write",
				TYPES + "unreadable-request");
		assertThat(types(writes, "503")).containsExactly(TYPES + "hollow-write-unavailable");
		assertThat(writes.at("/requestBody/content/application~1json/schema/$ref").asString()).isNotEmpty();
		JsonNode log = docs.at("/paths/~1v1~1log/get");
		assertThat(types(log, "400")).contains(TYPES + "unknown-log-offset", TYPES + "invalid-parameter");
		assertThat(types(log, "410")).containsExactly(TYPES + "log-truncated");
		JsonNode snapshot = docs.at("/paths/~1v1~1blobs~1snapshot/get");
		assertThat(types(snapshot, "404")).containsExactly(TYPES + "hollow-blob-not-found");
		assertThat(snapshot.at("/responses/200/content").has("application/octet-stream")).isTrue();
	}

	private static List<String> types(JsonNode operation, String status) {
		JsonNode schema = operation.path("responses").path(status).at("/content/application~1problem+json/schema");
		assertThat(schema.at("/allOf/0/$ref").asString()).as(status).isEqualTo("#/components/schemas/Problem");
		return schema.at("/allOf/1/properties/type/enum").valueStream().map(JsonNode::asString).toList();
	}

}
