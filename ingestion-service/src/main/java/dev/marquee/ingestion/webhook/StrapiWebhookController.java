package dev.marquee.ingestion.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.content.Ingestion;
import dev.marquee.ingestion.content.IngestionResult;
import dev.marquee.support.observability.TraceIds;

/**
 * {@code POST /webhooks/strapi}: Strapi 5's webhook ({@code X-Strapi-Event}, body
 * {@code {event, model, uid, entry}}). Strapi signs nothing, so it must send a configured bearer token
 * ({@code webhooks.defaultHeaders} in Strapi's {@code config/server}); it has no idempotency key either, so
 * the delivery id is the hash of event and body. {@code entry.documentId} is the document id,
 * {@code updatedAt} its version. Content model: module README.
 */
@RestController
class StrapiWebhookController {

	static final String SOURCE = "strapi";

	static final String EVENT = "X-Strapi-Event";

	private final WebhookRequests requests;

	private final Ingestion ingestion;

	private final IngestionProperties.Webhooks webhooks;

	StrapiWebhookController(WebhookRequests requests, Ingestion ingestion, IngestionProperties properties) {
		this.requests = requests;
		this.ingestion = ingestion;
		this.webhooks = properties.webhooks();
	}

	@PostMapping("/webhooks/strapi")
	ResponseEntity<IngestionResult> receive(HttpServletRequest request) {
		byte[] body = this.requests.body(request);
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			throw WebhookProblems.badSignature("Strapi webhooks must carry 'Authorization: Bearer <token>'");
		}
		if (!Hmac.equal(this.webhooks.tokenStrapi(), authorization.substring("Bearer ".length()).strip())) {
			throw WebhookProblems.badSignature("Wrong bearer token");
		}
		JsonNode json = WebhookRequests.parse(body);
		String event = Optional.ofNullable(request.getHeader(EVENT)).orElse(Json.text(json, "event"));
		if (event == null) {
			throw WebhookProblems.badRequest("missing-event", "Missing event", "The " + EVENT + " header is required");
		}
		String deliveryId = WebhookRequests.sha256Hex(event.getBytes(StandardCharsets.UTF_8), body);
		if ("entry.draft-discard".equals(event)) {
			IncomingChange change = toChange("entry.update", json, deliveryId, body);
			return WebhookRequests.answer(IngestionResult.ignored(change, "a discarded draft changes nothing published"));
		}
		return WebhookRequests.answer(this.ingestion.handle(toChange(event, json, deliveryId, body)));
	}

	static IncomingChange toChange(String event, JsonNode json, String deliveryId, byte[] body) {
		String model = Json.text(json, "model");
		ContentType type = ContentType.fromWireName((model != null) ? model : "")
			.orElseThrow(() -> WebhookProblems
				.unknownContentType("Strapi model '" + model + "' is not one of page, title, talent, asset"));
		JsonNode entry = Json.child(json, "entry");
		String id = Json.documentId(Optional.ofNullable(Json.text(entry, "documentId")).orElse(Json.text(entry, "id")),
				"entry.documentId");
		boolean published = Json.text(entry, "publishedAt") != null;
		Action action = switch (event) {
			case "entry.publish" -> Action.PUBLISH;
			// Without draft & publish, Strapi stamps publishedAt on every save: that is a publish.
			case "entry.create", "entry.update" -> published ? Action.PUBLISH : Action.DRAFT;
			case "entry.unpublish" -> Action.UNPUBLISH;
			case "entry.delete" -> Action.DELETE;
			default -> throw WebhookProblems.unknownContentType("Unsupported Strapi event " + event);
		};
		Long version = action.isRemoval() ? null : Json.micros(Json.text(entry, "updatedAt"), "entry.updatedAt");
		JsonNode fields = action.isRemoval() ? null : fields(type, entry);
		return new IncomingChange(SOURCE, deliveryId, type, id, version, action, fields,
				new String(body, StandardCharsets.UTF_8), TraceIds.current());
	}

	private static JsonNode fields(ContentType type, @Nullable JsonNode entry) {
		return switch (type) {
			case PAGE -> new Fields().text("slug", Json.text(entry, "slug"))
				.text("template", Json.text(entry, "template"))
				.text("title", Json.text(entry, "title"))
				.text("summary", Json.text(entry, "summary"))
				.node("elements", Json.child(entry, "elements"))
				.build();
			case TITLE -> new Fields().text("name", Json.text(entry, "name"))
				.text("synopsis", Json.text(entry, "synopsis"))
				.text("maturityRating", Json.text(entry, "maturityRating"))
				.strings("genres", Json.child(entry, "genres"))
				.text("artworkAssetId", relation(entry, "artwork", "artworkAssetId"))
				.build();
			case TALENT -> new Fields().text("name", Json.text(entry, "name"))
				.text("headshotAssetId", relation(entry, "headshot", "headshotAssetId"))
				.build();
			case ASSET -> new Fields()
				.text("file", Optional.ofNullable(Json.text(entry, "file")).orElse(Json.text(entry, "url")))
				.number("width", Json.child(entry, "width"))
				.number("height", Json.child(entry, "height"))
				.text("mimeType", Optional.ofNullable(Json.text(entry, "mimeType")).orElse(Json.text(entry, "mime")))
				.text("altText",
						Optional.ofNullable(Json.text(entry, "altText")).orElse(Json.text(entry, "alternativeText")))
				.node("focalPoint", Json.child(entry, "focalPoint"))
				.build();
		};
	}

	/** A relation populated as an object ({@code documentId}), or a plain id field. */
	private static @Nullable String relation(@Nullable JsonNode entry, String relation, String idField) {
		JsonNode related = Json.child(entry, relation);
		if (related != null && related.isObject()) {
			return Optional.ofNullable(Json.text(related, "documentId")).orElse(Json.text(related, "id"));
		}
		if (related != null && related.isString()) {
			return related.stringValue();
		}
		return Json.text(entry, idField);
	}

}
