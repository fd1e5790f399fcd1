package dev.marquee.support.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTests {

	@Test
	void aDescriptionHasTheBasicSchemeAndTheProblemSchema() throws Exception {
		JsonNode json = serialized(ApiDocs.describe("Marquee thing", "Does things"));

		assertThat(json.at("/info/title").asString()).isEqualTo("Marquee thing");
		assertThat(json.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		assertThat(json.at("/components/schemas/Problem/properties/type/format").asString()).isEqualTo("uri");
	}

	@Test
	void problemsOfOneStatusAccumulateTheirTypes() throws Exception {
		OpenAPI api = ApiDocs.describe("t", "d");
		Operation operation = new Operation();
		api.paths(new Paths().addPathItem("/things", new PathItem().post(operation)));

		ApiDocs.problem(operation, HttpStatus.CONFLICT, "Taken", "slug-taken");
		ApiDocs.problem(operation, HttpStatus.CONFLICT, "Reused", "delivery-id-reused");
		ApiDocs.requiresRole(operation, "ADMIN");
		ApiDocs.internalErrors(api);

		JsonNode responses = serialized(api).at("/paths/~1things/post/responses");
		assertThat(responses.at("/409/description").asString()).isEqualTo("Taken; Reused");
		assertThat(responses.at("/409/content/application~1problem+json/schema/allOf/1/properties/type/enum")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("https://marquee.dev/problems/slug-taken",
					"https://marquee.dev/problems/delivery-id-reused");
		assertThat(responses.at("/401/content/application~1problem+json/schema/allOf/0/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(responses.has("403")).isTrue();
		assertThat(responses.has("500")).isTrue();
		assertThat(serialized(api).at("/paths/~1things/post/security/0").has("basic")).isTrue();
	}

	@Test
	void aJsonSchemaBecomesComponentsWithItsDefinitionsAndReferences() throws Exception {
		OpenAPI api = ApiDocs.describe("t", "d");
		String schema = """
				{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/s.json",
				 "type": "object", "required": ["kind"],
				 "properties": {"kind": {"enum": ["a", "b"]}, "body": {"$ref": "#/$defs/body"}},
				 "allOf": [{"if": {"properties": {"kind": {"const": "a"}}}, "then": {"required": ["body"]}}],
				 "$defs": {"body": {"type": "object", "properties": {"n": {"type": "integer", "minimum": 1}}}}}
				""";

		Schema<?> reference = ApiDocs.addJsonSchema(api, "thing", new ByteArrayResource(schema.getBytes()));

		JsonNode json = serialized(api).at("/components/schemas");
		assertThat(reference.get$ref()).isEqualTo("#/components/schemas/thing");
		assertThat(json.at("/thing/properties/body/$ref").asString()).isEqualTo("#/components/schemas/thing.body");
		assertThat(json.at("/thing/allOf/0/if/properties/kind/const").asString()).isEqualTo("a");
		assertThat(json.at("/thing/properties/kind/enum/1").asString()).isEqualTo("b");
		assertThat(json.at("/thing.body/properties/n/minimum").asInt()).isEqualTo(1);
		assertThat(json.at("/thing").has("$id")).isFalse();
	}

	private static JsonNode serialized(OpenAPI api) throws Exception {
		return JsonMapper.shared().readTree(Json31.mapper().writeValueAsString(api));
	}

}
