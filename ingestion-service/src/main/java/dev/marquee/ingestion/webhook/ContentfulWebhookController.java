package dev.marquee.ingestion.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
import dev.marquee.ingestion.store.WriteStore;
import dev.marquee.support.observability.TraceIds;

/**
 * {@code POST /webhooks/contentful}: Contentful's webhook (full CMA entity payload, locale-keyed fields),
 * verified with Contentful's signed-headers HMAC and dispatched on {@code X-Contentful-Topic}. Unpublish and
 * delete share the {@code DeletedEntry}/{@code DeletedAsset} body, so only the topic tells them apart.
 * Content model: module README.
 */
@RestController
class ContentfulWebhookController {

	static final String SOURCE = "contentful";

	static final String TOPIC = "X-Contentful-Topic";

	static final String IDEMPOTENCY_KEY = "X-Contentful-Idempotency-Key";

	static final String DEFAULT_LOCALE = "en-US";

	private final WebhookRequests requests;

	private final Ingestion ingestion;

	private final WriteStore store;

	private final IngestionProperties.Webhooks webhooks;

	private final Clock clock;

	ContentfulWebhookController(WebhookRequests requests, Ingestion ingestion, WriteStore store,
			IngestionProperties properties, Clock clock) {
		this.requests = requests;
		this.ingestion = ingestion;
		this.store = store;
		this.webhooks = properties.webhooks();
		this.clock = clock;
	}

	@PostMapping("/webhooks/contentful")
	ResponseEntity<IngestionResult> receive(HttpServletRequest request) {
		byte[] body = this.requests.body(request);
		String path = request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		ContentfulSignature.verify(request::getHeader, request.getMethod(), path, body,
				this.webhooks.secretContentful(), this.webhooks.contentfulTimeToLive(), this.clock);
		JsonNode json = WebhookRequests.parse(body);
		String topic = request.getHeader(TOPIC);
		if (topic == null || topic.isBlank()) {
			throw WebhookProblems.badRequest("missing-topic", "Missing topic", "The " + TOPIC + " header is required");
		}
		String deliveryId = Optional.ofNullable(request.getHeader(IDEMPOTENCY_KEY))
			.filter((key) -> !key.isBlank())
			.orElseGet(() -> WebhookRequests.sha256Hex(topic.getBytes(StandardCharsets.UTF_8), body));
		return WebhookRequests.answer(this.ingestion.handle(toChange(topic, json, deliveryId, body)));
	}

	IncomingChange toChange(String topic, JsonNode json, String deliveryId, byte[] body) {
		// ContentManagement.Entry.publish → entity "Entry", event "publish"
		String[] parts = topic.split("\\.");
		if (parts.length != 3 || !"ContentManagement".equals(parts[0])) {
			throw WebhookProblems.unknownContentType("Unsupported topic " + topic);
		}
		Action action = switch (parts[2]) {
			case "publish" -> Action.PUBLISH;
			case "save", "auto_save", "create" -> Action.DRAFT;
			case "unpublish", "archive" -> Action.UNPUBLISH;
			case "delete" -> Action.DELETE;
			default -> throw WebhookProblems.unknownContentType("Unsupported topic event " + parts[2]);
		};
		JsonNode sys = Json.child(json, "sys");
		String id = Json.documentId(Json.text(sys, "id"), "sys.id");
		ContentType type = switch (parts[1]) {
			case "Asset" -> ContentType.ASSET;
			case "Entry" -> entryType(sys, id);
			default -> throw WebhookProblems.unknownContentType("Unsupported entity " + parts[1]);
		};
		// sys.version counts every save and publish; a DeletedEntry carries no comparable one, so a removal
		// applies over whatever is stored (Contentful never re-creates an entry id).
		Long version = action.isRemoval() ? null : Json.integer(Json.child(sys, "version"), "sys.version");
		JsonNode fields = action.isRemoval() ? null : fields(type, Json.child(json, "fields"));
		return new IncomingChange(SOURCE, deliveryId, type, id, version, action, fields,
				new String(body, StandardCharsets.UTF_8), TraceIds.current());
	}

	private ContentType entryType(@Nullable JsonNode sys, String id) {
		String contentType = Json.text(Json.child(Json.child(sys, "contentType"), "sys"), "id");
		if (contentType != null) {
			return ContentType.fromWireName(contentType)
				.filter((type) -> type != ContentType.ASSET)
				.orElseThrow(() -> WebhookProblems.unknownContentType(
						"Contentful content type '" + contentType + "' is not one of page, title, talent"));
		}
		// A DeletedEntry may not name its content type: find what we stored under that id.
		for (ContentType candidate : new ContentType[] { ContentType.PAGE, ContentType.TITLE, ContentType.TALENT }) {
			if (this.store.version(candidate, id).isPresent()) {
				return candidate;
			}
		}
		throw WebhookProblems.unknownContentType("Entry " + id + " names no content type and is not stored");
	}

	private static JsonNode fields(ContentType type, @Nullable JsonNode fields) {
		return switch (type) {
			case PAGE -> new Fields().text("slug", text(fields, "slug"))
				.text("template", text(fields, "template"))
				.text("title", text(fields, "title"))
				.text("summary", text(fields, "summary"))
				.node("elements", localized(fields, "elements"))
				.build();
			case TITLE -> new Fields().text("name", text(fields, "name"))
				.text("synopsis", text(fields, "synopsis"))
				.text("maturityRating", text(fields, "maturityRating"))
				.strings("genres", localized(fields, "genres"))
				.text("artworkAssetId", link(fields, "artwork"))
				.build();
			case TALENT -> new Fields().text("name", text(fields, "name"))
				.text("headshotAssetId", link(fields, "headshot"))
				.build();
			case ASSET -> {
				JsonNode file = localized(fields, "file");
				JsonNode image = Json.child(Json.child(file, "details"), "image");
				String url = Json.text(file, "url");
				yield new Fields().text("file", (url != null) ? url.replaceFirst("^(https?:)?//[^/]+/", "") : null)
					.number("width", Json.child(image, "width"))
					.number("height", Json.child(image, "height"))
					.text("mimeType", Json.text(file, "contentType"))
					.text("altText", (text(fields, "description") != null) ? text(fields, "description")
							: text(fields, "title"))
					.build();
			}
		};
	}

	/** A field's value in the default locale, else in the first locale present. */
	private static @Nullable JsonNode localized(@Nullable JsonNode fields, String name) {
		JsonNode locales = Json.child(fields, name);
		if (locales == null || !locales.isObject()) {
			return null;
		}
		JsonNode value = Json.child(locales, DEFAULT_LOCALE);
		return (value != null) ? value : locales.values().stream().findFirst().orElse(null);
	}

	private static @Nullable String text(@Nullable JsonNode fields, String name) {
		JsonNode value = localized(fields, name);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static @Nullable String link(@Nullable JsonNode fields, String name) {
		return Json.text(Json.child(localized(fields, name), "sys"), "id");
	}

}
