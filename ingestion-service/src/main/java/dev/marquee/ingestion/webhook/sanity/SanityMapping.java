package dev.marquee.ingestion.webhook.sanity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.support.observability.TraceIds;
import dev.marquee.ingestion.webhook.Fields;
import dev.marquee.ingestion.webhook.Json;
import dev.marquee.ingestion.webhook.WebhookProblems;
import dev.marquee.model.json.MarqueeJson;

/**
 * A Sanity delivery (the whole document plus its operation) as an {@link IncomingChange}:
 * a {@code drafts.} or {@code versions.<release>.} id is a draft of the document it
 * copies, and the version is {@code _updatedAt} in microseconds. Content model: module
 * README.
 */
public final class SanityMapping {

	/** The source name of Sanity deliveries. */
	public static final String SOURCE = "sanity";

	static final String DRAFT_PREFIX = "drafts.";

	/** A content release's version of a document: {@code versions.<release>.<id>}. */
	static final String VERSION_PREFIX = "versions.";

	/**
	 * Where the documented projection ({@code {..., "_operation": delta::operation()}})
	 * puts the operation: in the signed body, so it cannot be changed in transit the way
	 * the unsigned {@code sanity-operation} header can.
	 */
	static final String BODY_OPERATION = "_operation";

	private SanityMapping() {
	}

	/**
	 * The operation: from the signed body when the projection carries it, else from the
	 * unsigned header.
	 * @param json the body
	 * @param header the {@code sanity-operation} header, null if absent
	 * @return the operation, {@code update} when neither names one
	 * @throws dev.marquee.ingestion.system.ProblemException 422 when the body's operation
	 * is not a string
	 */
	public static String operation(JsonNode json, @Nullable String header) {
		JsonNode signed = Json.child(json, BODY_OPERATION);
		if (signed != null) {
			if (!signed.isString()) {
				throw WebhookProblems
					.invalid("'" + BODY_OPERATION + "' must be delta::operation(): create, update or delete");
			}
			return signed.stringValue();
		}
		return (header != null) ? header : "update";
	}

	/**
	 * Whether a Sanity id is a published document. Sanity keeps every id with a path
	 * ({@code drafts.X}, {@code versions.<release>.X}, any other dotted id) out of public
	 * reads, so none of them may go public here either: a content release is scheduled,
	 * not published.
	 */
	public static boolean published(String rawId) {
		return rawId.indexOf('.') < 0;
	}

	/**
	 * The document a Sanity id is a copy of: X for {@code drafts.X} and
	 * {@code versions.<release>.X}.
	 */
	private static String documentId(String rawId) {
		if (rawId.startsWith(DRAFT_PREFIX)) {
			return rawId.substring(DRAFT_PREFIX.length());
		}
		if (rawId.startsWith(VERSION_PREFIX)) {
			int release = rawId.indexOf('.', VERSION_PREFIX.length());
			return (release < 0) ? "" : rawId.substring(release + 1);
		}
		return rawId;
	}

	public static IncomingChange toChange(String operation, JsonNode json, String deliveryId, byte[] body) {
		String rawId = Json.text(json, "_id");
		String typeName = Json.text(json, "_type");
		if (rawId == null || typeName == null) {
			throw WebhookProblems.invalid("_id and _type are required (project the whole document: {...})");
		}
		boolean draft = !published(rawId);
		String id = Json.documentId(documentId(rawId), "_id");
		ContentType type = "sanity.imageAsset".equals(typeName) ? ContentType.ASSET : ContentType.fromWireName(typeName)
			.orElseThrow(() -> WebhookProblems.unknownContentType(
					"Sanity type '" + typeName + "' is not one of page, title, talent, asset, sanity.imageAsset"));
		Action action = switch (operation) {
			case "create", "update" -> draft ? Action.DRAFT : Action.PUBLISH;
			case "delete" -> Action.DELETE;
			default -> throw WebhookProblems.invalid("Unknown sanity-operation " + operation);
		};
		Long version = Json.micros(Json.text(json, "_updatedAt"), "_updatedAt");
		JsonNode fields = action.isRemoval() ? null : fields(type, typeName, json);
		return new IncomingChange(SOURCE, deliveryId, type, id, action.isRemoval() ? null : version, action, fields,
				new String(body, StandardCharsets.UTF_8), TraceIds.current());
	}

	private static JsonNode fields(ContentType type, String typeName, JsonNode doc) {
		return switch (type) {
			case PAGE -> {
				JsonNode slug = Json.child(doc, "slug");
				String slugValue = (slug != null && slug.isObject()) ? Json.text(slug, "current")
						: Json.text(doc, "slug");
				yield new Fields().text("slug", slugValue)
					.text("template", Json.text(doc, "template"))
					.text("title", Json.text(doc, "title"))
					.text("summary", Json.text(doc, "summary"))
					.node("elements", elements(Json.child(doc, "elements")))
					.build();
			}
			case TITLE -> new Fields().text("name", Json.text(doc, "name"))
				.text("synopsis", Json.text(doc, "synopsis"))
				.text("maturityRating", Json.text(doc, "maturityRating"))
				.strings("genres", Json.child(doc, "genres"))
				.text("artworkAssetId", imageRef(Json.child(doc, "artwork")))
				.build();
			case TALENT -> new Fields().text("name", Json.text(doc, "name"))
				.text("headshotAssetId", imageRef(Json.child(doc, "headshot")))
				.build();
			case ASSET -> "sanity.imageAsset".equals(typeName) ? imageAsset(doc)
					: new Fields().text("file", Json.text(doc, "file"))
						.number("width", Json.child(doc, "width"))
						.number("height", Json.child(doc, "height"))
						.text("mimeType", Json.text(doc, "mimeType"))
						.text("altText", Json.text(doc, "altText"))
						.node("focalPoint", Json.child(doc, "focalPoint"))
						.build();
		};
	}

	private static JsonNode imageAsset(JsonNode doc) {
		JsonNode dimensions = Json.child(Json.child(doc, "metadata"), "dimensions");
		return new Fields().text("file", Json.text(doc, "path"))
			.number("width", Json.child(dimensions, "width"))
			.number("height", Json.child(dimensions, "height"))
			.text("mimeType", Json.text(doc, "mimeType"))
			.text("altText", Json.text(doc, "altText"))
			.build();
	}

	/**
	 * An image field ({@code {asset: {_ref}}}), a plain reference ({@code {_ref}}) or an
	 * id string.
	 */
	private static @Nullable String imageRef(@Nullable JsonNode field) {
		if (field == null) {
			return null;
		}
		if (field.isString()) {
			return field.stringValue();
		}
		JsonNode asset = Json.child(field, "asset");
		return (asset != null) ? Json.text(asset, "_ref") : Json.text(field, "_ref");
	}

	/**
	 * Sanity array items: {@code _key} is the element id, {@code _type} its type;
	 * references by {@code _ref}.
	 */
	private static @Nullable JsonNode elements(@Nullable JsonNode items) {
		if (items == null || !items.isArray()) {
			return items;
		}
		ArrayNode elements = MarqueeJson.mapper().createArrayNode();
		for (JsonNode item : items) {
			ObjectNode element = MarqueeJson.mapper().createObjectNode();
			element.put("id", Optional.ofNullable(Json.text(item, "id")).orElse(Json.text(item, "_key")));
			String type = Optional.ofNullable(Json.text(item, "type")).orElse(Json.text(item, "_type"));
			element.put("type", (type != null) ? type.replaceAll("([a-z])([A-Z])", "$1_$2") : null);
			element.set("text", Json.child(item, "text"));
			element.set("assetIds", refs(item, "assetIds", "images"));
			element.set("titleIds", refs(item, "titleIds", "titles"));
			element.set("talentIds", refs(item, "talentIds", "talent"));
			elements.add(element);
		}
		return elements;
	}

	private static @Nullable JsonNode refs(JsonNode item, String nativeName, String sanityName) {
		JsonNode ids = Json.child(item, nativeName);
		if (ids != null) {
			return ids;
		}
		JsonNode references = Json.child(item, sanityName);
		if (references == null || !references.isArray()) {
			return null;
		}
		ArrayNode result = MarqueeJson.mapper().createArrayNode();
		references.forEach((reference) -> result.add(imageRef(reference)));
		return result;
	}

}
