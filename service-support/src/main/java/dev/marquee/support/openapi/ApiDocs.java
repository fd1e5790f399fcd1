package dev.marquee.support.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Builds the parts of an OpenAPI description that every Marquee service shares, so that
 * the four {@code /v3/api-docs} read alike: the info block, the {@value #BASIC} HTTP
 * Basic scheme, the RFC 9457 {@value #PROBLEM} schema, and problem+json responses that
 * list the stable {@code type} URIs an operation answers with. Services call it from
 * their own {@code OpenAPI} bean and {@code OpenApiCustomizer}; the schemas are OpenAPI
 * 3.1 (JSON Schema 2020-12), which {@code springdoc.api-docs.version: openapi_3_1}
 * serves.
 */
public final class ApiDocs {

	/** Name of the HTTP Basic security scheme. */
	public static final String BASIC = "basic";

	/** Name of the problem-details schema component. */
	public static final String PROBLEM = "Problem";

	/** Prefix of every problem type URI. */
	public static final String PROBLEM_TYPES = "https://marquee.dev/problems/";

	private static final String PROBLEM_JSON = "application/problem+json";

	private ApiDocs() {
	}

	/**
	 * The description a service starts from.
	 * @param title the service's title
	 * @param description what it does, and for whom
	 * @return info, the Basic scheme and the problem schema
	 */
	public static OpenAPI describe(String title, String description) {
		return new OpenAPI().info(new Info().title(title).description(description).version("v1"))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("HTTP Basic; users admin (ADMIN, EDITOR), editor (EDITOR) and "
									+ "marquee-service (SERVICE), passwords from MARQUEE_*_PASSWORD"))
				.addSchemas(PROBLEM, problemSchema()));
	}

	/**
	 * Every operation of the description with the path it serves.
	 * @param api the description
	 * @return path and operation pairs
	 */
	public static Stream<Map.Entry<String, Operation>> operations(OpenAPI api) {
		if (api.getPaths() == null) {
			return Stream.empty();
		}
		return api.getPaths()
			.entrySet()
			.stream()
			.flatMap((path) -> operations(path.getValue()).map((operation) -> Map.entry(path.getKey(), operation)));
	}

	private static Stream<Operation> operations(PathItem item) {
		return Stream.of(item.getGet(), item.getPut(), item.getPost(), item.getDelete(), item.getPatch())
			.filter(Objects::nonNull);
	}

	/**
	 * The operation needs HTTP Basic credentials of a user with the role: documents the
	 * scheme and the 401 and 403 problems.
	 * @param operation the operation
	 * @param role the role it needs
	 */
	public static void requiresRole(Operation operation, String role) {
		if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
			operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
		}
		problem(operation, HttpStatus.UNAUTHORIZED, "No or wrong HTTP Basic credentials", "unauthorized");
		problem(operation, HttpStatus.FORBIDDEN, "The user lacks role " + role, "forbidden");
	}

	/**
	 * Documents a problem response; called again for the same status, it adds the types
	 * to those listed.
	 * @param operation the operation
	 * @param status the status answered
	 * @param description when
	 * @param slugs the problem type slugs ({@value #PROBLEM_TYPES}{@code <slug>})
	 * answered with that status
	 */
	public static void problem(Operation operation, HttpStatus status, String description, String... slugs) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		String code = Integer.toString(status.value());
		ApiResponse existing = operation.getResponses().get(code);
		Map<String, Object> types = new LinkedHashMap<>();
		String text = description;
		if (existing != null && existing.getContent() != null && existing.getContent().get(PROBLEM_JSON) != null) {
			Schema<?> previous = existing.getContent().get(PROBLEM_JSON).getSchema();
			typesOf(previous).forEach((type) -> types.put(type, type));
			text = existing.getDescription() + "; " + description;
		}
		Arrays.stream(slugs).map((slug) -> PROBLEM_TYPES + slug).forEach((type) -> types.put(type, type));
		Schema<Object> type = new JsonSchema().typesItem("string").format("uri");
		type.setEnum(List.copyOf(types.keySet()));
		Schema<Object> schema = new JsonSchema().allOf(List.of(new JsonSchema().$ref("#/components/schemas/" + PROBLEM),
				new JsonSchema().typesItem("object").addProperty("type", type)));
		ApiResponse response = new ApiResponse().description(text)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("Seconds to wait before a retry")
				.schema(new JsonSchema().typesItem("integer")));
		}
		operation.getResponses().addApiResponse(code, response);
	}

	/**
	 * Adds a JSON Schema (2020-12) document to the components, so that a request body can
	 * refer to the very schema a client validates with. Its {@code $defs} become
	 * components {@code <name>.<def>} and its references follow; {@code $id} and
	 * {@code $schema} are dropped (inside an OpenAPI document an {@code $id} would move
	 * the base of every reference).
	 * @param api the description
	 * @param name the component name of the whole schema
	 * @param schema the schema document
	 * @return a reference to the component
	 */
	public static Schema<?> addJsonSchema(OpenAPI api, String name, Resource schema) {
		ObjectNode document;
		try (InputStream in = schema.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"#/$defs/",
					"\"#/components/schemas/" + name + ".");
			document = (ObjectNode) Json31.mapper().readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read JSON Schema " + schema, ex);
		}
		document.remove(List.of("$id", "$schema"));
		JsonNode definitions = document.remove("$defs");
		if (definitions != null) {
			definitions.properties()
				.forEach((definition) -> api.getComponents()
					.addSchemas(name + "." + definition.getKey(), toSchema(definition.getValue())));
		}
		api.getComponents().addSchemas(name, toSchema(document));
		return new JsonSchema().$ref("#/components/schemas/" + name);
	}

	private static Schema<?> toSchema(JsonNode node) {
		try {
			return Json31.mapper().treeToValue(node, Schema.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a JSON Schema: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Moves the success springdoc documents as 200 (it cannot see the status a
	 * {@code ResponseEntity} is built with) to the status the operation really answers
	 * with.
	 * @param operation the operation
	 * @param status its success status
	 * @param description what that answer means
	 */
	public static void succeedsWith(Operation operation, HttpStatus status, String description) {
		ApiResponse success = operation.getResponses().remove("200");
		operation.getResponses()
			.addApiResponse(Integer.toString(status.value()),
					((success != null) ? success : new ApiResponse()).description(description));
	}

	/**
	 * Documents on every operation the 500 {@code internal-error} problem that a failure
	 * of our own turns into.
	 * @param api the description
	 */
	public static void internalErrors(OpenAPI api) {
		operations(api).forEach((operation) -> problem(operation.getValue(), HttpStatus.INTERNAL_SERVER_ERROR,
				"A failure of the service itself, logged with the request's trace id", "internal-error"));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<String> typesOf(Schema<?> schema) {
		List<Schema> parts = schema.getAllOf();
		Schema<?> type = (Schema<?>) parts.get(1).getProperties().get("type");
		return type.getEnum().stream().map(String::valueOf).toList();
	}

	private static Schema<?> problemSchema() {
		return new JsonSchema().typesItem("object")
			.description("An RFC 9457 problem; 'type' is stable, " + PROBLEM_TYPES + "<slug>")
			.addProperty("type", new JsonSchema().typesItem("string").format("uri"))
			.addProperty("title", new JsonSchema().typesItem("string"))
			.addProperty("status", new JsonSchema().typesItem("integer"))
			.addProperty("detail", new JsonSchema().typesItem("string"))
			.addProperty("instance", new JsonSchema().typesItem("string").format("uri"))
			.required(List.of("type", "title", "status"));
	}

}
