package dev.marquee.consumer;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/api-docs} as a client generator reads it: a title, the Basic scheme, and
 * every problem type of the admin API.
 */
class ApiDocsIntegrationTests extends IntegrationTestSupport {

	private static final String TYPES = "https://marquee.dev/problems/";

	@Test
	void theAdminApiIsDescribedWithItsSchemeAndProblems() {
		var response = http("GET", "/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode docs = MarqueeJson.mapper().readTree(response.body());

		assertThat(docs.at("/openapi").asString()).startsWith("3.1");
		assertThat(docs.at("/info/title").asString()).isEqualTo("Marquee data consumer");
		assertThat(docs.at("/info/description").asString()).contains("read tables");
		assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		for (String path : List.of("/admin/rebuild", "/admin/rebuild/status", "/admin/dlt/redrive",
				"/admin/watermarks")) {
			JsonNode operation = docs.path("paths").path(path);
			operation = operation.has("post") ? operation.path("post") : operation.path("get");
			assertThat(operation.at("/security/0").has("basic")).as(path).isTrue();
			assertThat(types(operation, "401")).as(path).containsExactly(TYPES + "unauthorized");
			assertThat(types(operation, "403")).as(path).containsExactly(TYPES + "forbidden");
			assertThat(types(operation, "503")).as(path).contains(TYPES + "cassandra-unavailable");
			assertThat(types(operation, "500")).as(path).containsExactly(TYPES + "internal-error");
		}
		JsonNode rebuild = docs.at("/paths/~1admin~1rebuild/post");
		assertThat(types(rebuild, "409")).containsExactly(TYPES + "rebuild-running");
		assertThat(types(rebuild, "503")).contains(TYPES + "kafka-unavailable");
		assertThat(types(docs.at("/paths/~1admin~1dlt~1redrive/post"), "503")).contains(TYPES + "kafka-unavailable");
		assertThat(rebuild.at("/responses/503/headers").has("Retry-After")).isTrue();
		assertThat(rebuild.at("/responses/202/content").has("application/json")).isTrue();
		assertThat(rebuild.path("responses").has("200")).isFalse();
	}

	private static List<String> types(JsonNode operation, String status) {
		JsonNode schema = operation.path("responses").path(status).at("/content/application~1problem+json/schema");
		assertThat(schema.at("/allOf/0/$ref").asString()).as(status).isEqualTo("#/components/schemas/Problem");
		return schema.at("/allOf/1/properties/type/enum").valueStream().map(JsonNode::asString).toList();
	}

}
