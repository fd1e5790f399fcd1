package dev.marquee.ingestion.webhook.strapi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
 * A Strapi 5 delivery ({@code {event, model, uid, entry}}) as an {@link IncomingChange}:
 * {@code entry.documentId} is the document id, {@code updatedAt} its version. Content
 * model: module README.
 */
public final class StrapiMapping {

	/** The source name of Strapi deliveries. */
	public static final String SOURCE = "strapi";

	private StrapiMapping() {
	}

	/**
	 * Maps a verified delivery.
	 * @param event the Strapi event, e.g. {@code entry.publish}
	 * @param json the parsed body
	 * @param deliveryId its delivery id
	 * @param body the raw body
	 * @return the change
	 * @throws dev.marquee.ingestion.system.ProblemException 422 for an unknown model or
	 * event, or unusable fields
	 */
	public static IncomingChange toChange(String event, JsonNode json, String deliveryId, byte[] body) {
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
			// Without draft & publish, Strapi stamps publishedAt on every save: that is a
			// publish.
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
