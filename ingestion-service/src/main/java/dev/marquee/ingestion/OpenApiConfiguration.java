package dev.marquee.ingestion;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.support.openapi.ApiDocs;

/**
 * The OpenAPI description at {@code /v3/api-docs}. The webhook controllers read the raw
 * request (signatures are checked over the exact bytes), so springdoc sees neither their
 * bodies nor their headers: both are described here, the bodies by the JSON Schemas in
 * {@code schema/} that CMS-side tooling validates with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String STRAPI_TOKEN = "strapiToken";

	private static final List<Webhook> WEBHOOKS = List.of(
			new Webhook("marquee", "Marquee's native delivery, signed over delivery id, timestamp and body", List.of(
					header(MarqueeHeaders.WEBHOOK_DELIVERY_ID, true,
							"Unique per change (1 to 200 visible ASCII characters); the de-duplication key, signed "
									+ "with the body"),
					header(MarqueeHeaders.WEBHOOK_SIGNATURE, true,
							"t=<epoch millis>,v1=<hex HMAC-SHA256(secret, \"<delivery id>.<t>.<raw body>\")>; "
									+ "t within 5 minutes of the receiver's clock")),
					true, "missing-delivery-id", "invalid-delivery-id"),
			new Webhook("contentful", "A Contentful webhook, verified with Contentful's signed-headers HMAC", List.of(
					header("X-Contentful-Topic", true,
							"ContentManagement.<Entry|Asset>.<publish|save|auto_save|create|unpublish|archive|delete>; "
									+ "decides the action, so it must be signed"),
					header("x-contentful-signature", true,
							"hex HMAC-SHA256 of METHOD\\nPATH\\nsigned headers\\nBODY (request verification)"),
					header("x-contentful-signed-headers", true,
							"The signed header names; must include itself, x-contentful-timestamp and "
									+ "x-contentful-topic"),
					header("x-contentful-timestamp", true, "Epoch millis; at most 30 s old"),
					header("X-Contentful-Idempotency-Key", false,
							"The de-duplication key; without it, the SHA-256 of topic and body")),
					true, "missing-topic"),
			new Webhook("sanity", "A Sanity GROQ webhook with the projection {..., \"_operation\": delta::operation()}",
					List.of(header("sanity-webhook-signature", true,
							"t=<epoch millis>,v1=<base64url HMAC-SHA256(secret, \"<t>.<raw body>\")>; t within 5 "
									+ "minutes"),
							header("idempotency-key", false, "The de-duplication key; without it, the body's SHA-256"),
							header("sanity-operation", false,
									"create, update or delete; unsigned, read only when the body has no _operation")),
					true),
			new Webhook("strapi", "A Strapi 5 webhook; Strapi signs nothing, so it sends a configured bearer token",
					List.of(header("X-Strapi-Event", false,
							"entry.create|update|publish|unpublish|delete|draft-discard; the body's event when "
									+ "absent")),
					false, "missing-event"));

	@Bean
	OpenAPI ingestionOpenApi() {
		OpenAPI api = ApiDocs.describe("Marquee ingestion",
				"CMS webhooks (Marquee's own, Contentful, Sanity, Strapi 5) to verified, validated, hydrated pages, "
						+ "published to every enabled write path (Kafka and the Hollow write log). A webhook "
						+ "authenticates by its source's signature or token, not by HTTP Basic; a 200 means durably "
						+ "accepted on every path. Admin endpoints need role ADMIN (local default admin / "
						+ "marquee-admin-local).");
		api.getComponents()
			.addSecuritySchemes(STRAPI_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("MARQUEE_WEBHOOK_TOKEN_STRAPI, set in Strapi's webhooks.defaultHeaders"));
		return api;
	}

	@Bean
	OpenApiCustomizer ingestionApiDocs() {
		return (api) -> {
			for (Webhook webhook : WEBHOOKS) {
				String path = "/webhooks/" + webhook.source();
				if (api.getPaths() != null && api.getPaths().get(path) != null
						&& api.getPaths().get(path).getPost() != null) {
					webhook.describe(api, api.getPaths().get(path).getPost());
				}
			}
			ApiDocs.operations(api)
				.filter((operation) -> operation.getKey().startsWith("/admin/"))
				.forEach((operation) -> {
					ApiDocs.requiresRole(operation.getValue(), "ADMIN");
					ApiDocs.problem(operation.getValue(), HttpStatus.SERVICE_UNAVAILABLE,
							"The write-side store (Cassandra) is unavailable", "store-unavailable");
				});
			if (api.getPaths() != null && api.getPaths().get("/admin/regenerate") != null) {
				ApiDocs.succeedsWith(api.getPaths().get("/admin/regenerate").getPost(), HttpStatus.ACCEPTED,
						"Started in the background (or already running); progress at /admin/regenerate/status");
			}
			ApiDocs.internalErrors(api);
		};
	}

	private static Parameter header(String name, boolean required, String description) {
		return new HeaderParameter().name(name)
			.required(required)
			.description(description)
			.schema(new JsonSchema().typesItem("string"));
	}

	/**
	 * One webhook endpoint.
	 *
	 * @param source the path segment and schema name
	 * @param summary what it receives
	 * @param headers the headers it reads
	 * @param expires whether its signature carries a timestamp that may be too old
	 * @param missingHeaders problem slugs (400) of headers it cannot do without
	 */
	private record Webhook(String source, String summary, List<Parameter> headers, boolean expires,
			String... missingHeaders) {

		void describe(OpenAPI api, Operation operation) {
			operation.summary(summary).addTagsItem("webhooks");
			operation.setParameters(headers);
			operation.requestBody(new RequestBody().required(true)
				.description("JSON, at most marquee.webhooks.max-body-size (1 MB); schema/" + source
						+ "-webhook.schema.json")
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(ApiDocs.addJsonSchema(api, source + "-webhook",
								new ClassPathResource("schema/" + source + "-webhook.schema.json"))))));
			if ("strapi".equals(source)) {
				operation.addSecurityItem(new SecurityRequirement().addList(STRAPI_TOKEN));
			}
			ApiResponse accepted = operation.getResponses().get("200");
			if (accepted != null) {
				accepted
					.description("Applied, a duplicate, or ignored as older or meaningless (the body says which); "
							+ "durable on every enabled write path")
					.addHeaderObject(MarqueeHeaders.CONSISTENCY_TOKEN,
							new Header().description("Send it with a preview request to read this write")
								.schema(new JsonSchema().typesItem("string")));
			}
			List<String> badRequests = new ArrayList<>(List.of("malformed-json"));
			badRequests.addAll(List.of(missingHeaders));
			ApiDocs.problem(operation, HttpStatus.BAD_REQUEST, "Not JSON, or a required header is missing",
					badRequests.toArray(String[]::new));
			ApiDocs.problem(operation, HttpStatus.UNAUTHORIZED,
					expires ? "Missing, wrong or expired signature" : "Missing or wrong bearer token",
					expires ? new String[] { "invalid-signature", "expired-signature" }
							: new String[] { "invalid-signature" });
			ApiDocs.problem(operation, HttpStatus.CONFLICT,
					"A delivery id reused for another body, a document of another source, or a slug another page "
							+ "holds; nothing was published",
					"delivery-id-reused", "document-owned-by-other-source", "slug-taken");
			ApiDocs.problem(operation, HttpStatus.CONTENT_TOO_LARGE, "Body over the limit", "payload-too-large");
			ApiDocs.problem(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not sent as application/json",
					"unsupported-media-type");
			ApiDocs.problem(operation, HttpStatus.UNPROCESSABLE_CONTENT,
					"The document is not acceptable (errors[] names the fields); nothing was published",
					"unknown-content-type", "invalid-document", "template-violation", "unresolved-references");
			ApiDocs.problem(operation, HttpStatus.SERVICE_UNAVAILABLE,
					"A write path or the write-side store is down; not durably accepted, retry later",
					"kafka-unavailable", "hollow-unavailable", "store-unavailable");
		}

	}

}
