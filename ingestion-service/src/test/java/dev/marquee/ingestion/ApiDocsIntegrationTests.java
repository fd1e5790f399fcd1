package dev.marquee.ingestion;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/api-docs} as a client generator reads it: who may call what, every problem
 * type, and for each webhook its body (the JSON Schema a CMS validates with) and
 * signature headers.
 */
class ApiDocsIntegrationTests extends IngestionIntegrationTestSupport {

	private static final String TYPES = "https://marquee.dev/problems/";

	private JsonNode docs;

	@BeforeEach
	void fetch() {
		Deliveries deliveries = deliveries();
		HttpResponse<String> response = deliveries.send(deliveries.request("/v3/api-docs").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		this.docs = MarqueeJson.mapper().readTree(response.body());
	}

	@Test
	void theDescriptionHasATitleAndTheBasicScheme() {
		assertThat(this.docs.at("/openapi").asString()).startsWith("3.1");
		assertThat(this.docs.at("/info/title").asString()).isEqualTo("Marquee ingestion");
		assertThat(this.docs.at("/info/description").asString()).contains("webhook");
		assertThat(this.docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		assertThat(this.docs.at("/components/securitySchemes/strapiToken/scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void everyWebhookListsItsProblemTypes() {
		for (String source : List.of("marquee", "contentful", "sanity", "strapi")) {
			JsonNode responses = webhook(source).path("responses");
			assertThat(types(responses, "400")).contains(TYPES + "malformed-json");
			assertThat(types(responses, "401")).contains(TYPES + "invalid-signature");
			assertThat(types(responses, "409")).contains(TYPES + "delivery-id-reused", TYPES + "slug-taken");
			assertThat(types(responses, "413")).containsExactly(TYPES + "payload-too-large");
			assertThat(types(responses, "415")).containsExactly(TYPES + "unsupported-media-type");
			assertThat(types(responses, "422")).contains(TYPES + "invalid-document", TYPES + "template-violation");
			assertThat(types(responses, "503")).contains(TYPES + "kafka-unavailable", TYPES + "hollow-unavailable");
			assertThat(responses.at("/503/headers").has("Retry-After")).isTrue();
			assertThat(types(responses, "500")).containsExactly(TYPES + "internal-error");
			assertThat(responses.at("/200/headers").has("Marquee-Consistency-Token")).isTrue();
		}
		assertThat(types(webhook("marquee").path("responses"), "400")).contains(TYPES + "missing-delivery-id");
		assertThat(types(webhook("marquee").path("responses"), "401")).contains(TYPES + "expired-signature");
		assertThat(types(webhook("contentful").path("responses"), "400")).contains(TYPES + "missing-topic");
		assertThat(types(webhook("strapi").path("responses"), "400")).contains(TYPES + "missing-event");
	}

	@Test
	void everyWebhookDocumentsItsSignatureHeaders() {
		assertThat(requiredHeaders("marquee")).containsExactlyInAnyOrder("Marquee-Delivery-Id", "Marquee-Signature");
		assertThat(requiredHeaders("contentful")).containsExactlyInAnyOrder("X-Contentful-Topic",
				"x-contentful-signature", "x-contentful-signed-headers", "x-contentful-timestamp");
		assertThat(requiredHeaders("sanity")).containsExactly("sanity-webhook-signature");
		assertThat(webhook("strapi").at("/security/0").has("strapiToken")).isTrue();
		assertThat(webhook("marquee").has("security")).isFalse();
	}

	@Test
	void everyWebhookBodyIsItsJsonSchema() throws Exception {
		for (String source : List.of("marquee", "contentful", "sanity", "strapi")) {
			String name = source + "-webhook";
			assertThat(webhook(source).at("/requestBody/content/application~1json/schema/$ref").asString())
				.isEqualTo("#/components/schemas/" + name);
			JsonNode published = this.docs.at("/components/schemas/" + name);
			JsonNode file;
			try (InputStream in = getClass().getResourceAsStream("/schema/" + name + ".schema.json")) {
				file = MarqueeJson.mapper().readTree(in);
			}
			List<String> required = file.path("required").valueStream().map(JsonNode::asString).toList();
			assertThat(published.path("required").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrderElementsOf(required);
			assertThat(published.path("properties").propertyNames())
				.containsExactlyInAnyOrderElementsOf(file.path("properties").propertyNames());
		}
		JsonNode marquee = this.docs.at("/components/schemas/marquee-webhook");
		assertThat(marquee.at("/properties/action/enum").valueStream().map(JsonNode::asString))
			.containsExactly("publish", "draft", "unpublish", "delete");
		assertThat(marquee.at("/allOf/1/then/properties/fields/$ref").asString())
			.isEqualTo("#/components/schemas/marquee-webhook.page");
		assertThat(
				this.docs.at("/components/schemas/marquee-webhook.page/required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("slug", "template", "title");
	}

	@Test
	void adminEndpointsNeedBasicAndRoleAdmin() {
		JsonNode regenerate = this.docs.at("/paths/~1admin~1regenerate/post");
		assertThat(regenerate.at("/security/0").has("basic")).isTrue();
		assertThat(types(regenerate.path("responses"), "401")).containsExactly(TYPES + "unauthorized");
		assertThat(types(regenerate.path("responses"), "403")).containsExactly(TYPES + "forbidden");
		assertThat(types(regenerate.path("responses"), "503")).containsExactly(TYPES + "store-unavailable");
		assertThat(regenerate.path("responses").has("202")).isTrue();
		assertThat(regenerate.path("responses").has("200")).isFalse();
	}

	private JsonNode webhook(String source) {
		JsonNode operation = this.docs.path("paths").path("/webhooks/" + source).path("post");
		assertThat(operation.isMissingNode()).as("POST /webhooks/" + source).isFalse();
		return operation;
	}

	private Set<String> requiredHeaders(String source) {
		return webhook(source).path("parameters")
			.valueStream()
			.filter((parameter) -> "header".equals(parameter.path("in").asString()))
			.filter((parameter) -> parameter.path("required").asBoolean())
			.map((parameter) -> parameter.path("name").asString())
			.collect(Collectors.toSet());
	}

	private static List<String> types(JsonNode responses, String status) {
		JsonNode schema = responses.path(status).at("/content/application~1problem+json/schema");
		assertThat(schema.at("/allOf/0/$ref").asString()).as(status).isEqualTo("#/components/schemas/Problem");
		return schema.at("/allOf/1/properties/type/enum").valueStream().map(JsonNode::asString).toList();
	}

}
