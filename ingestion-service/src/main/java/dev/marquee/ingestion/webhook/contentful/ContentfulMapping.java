package dev.marquee.ingestion.webhook.contentful;

import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.support.observability.TraceIds;
import dev.marquee.ingestion.webhook.Fields;
import dev.marquee.ingestion.webhook.Json;
import dev.marquee.ingestion.webhook.WebhookProblems;

/**
 * A Contentful delivery (full CMA entity payload, locale-keyed fields) as an
 * {@link IncomingChange}: the topic gives the entity and the action, the content type id
 * the type (for a {@code DeletedEntry} that names none, the type stored under its id).
 * Content model: module README.
 */
public final class ContentfulMapping {

	/** The source name of Contentful deliveries. */
	public static final String SOURCE = "contentful";

	static final String DEFAULT_LOCALE = "en-US";

	private final BiPredicate<ContentType, String> known;

	/**
	 * A mapping that looks up the type of a deleted entry that names none.
	 * @param known whether a document of a type and id was delivered before
	 */
	public ContentfulMapping(BiPredicate<ContentType, String> known) {
		this.known = known;
	}

	/**
	 * Maps a verified delivery.
	 * @param topic the {@code X-Contentful-Topic}, e.g.
	 * {@code ContentManagement.Entry.publish}
	 * @param json the parsed body
	 * @param deliveryId its delivery id
	 * @param body the raw body
	 * @return the change
	 * @throws dev.marquee.ingestion.system.ProblemException 422 for an unsupported topic,
	 * entity or content type, or unusable fields
	 */
	public IncomingChange toChange(String topic, JsonNode json, String deliveryId, byte[] body) {
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
		// sys.version counts every save and publish; a DeletedEntry carries no comparable
		// one, so a removal
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
		// A DeletedEntry may not name its content type: find what we stored under that
		// id.
		for (ContentType candidate : new ContentType[] { ContentType.PAGE, ContentType.TITLE, ContentType.TALENT }) {
			if (this.known.test(candidate, id)) {
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
					.text("altText",
							(text(fields, "description") != null) ? text(fields, "description") : text(fields, "title"))
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
