package dev.marquee.ingestion.webhook.marquee;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.support.observability.TraceIds;
import dev.marquee.ingestion.webhook.Json;
import dev.marquee.ingestion.webhook.WebhookProblems;

/**
 * A native delivery ({@code {type, id, action, version, fields}}) as an
 * {@link IncomingChange}.
 */
public final class NativeMapping {

	/** The source name of native deliveries. */
	public static final String SOURCE = "marquee";

	private NativeMapping() {
	}

	/**
	 * Maps a verified native delivery.
	 * @param json the parsed body
	 * @param deliveryId its delivery id
	 * @param body the raw body
	 * @return the change
	 * @throws dev.marquee.ingestion.system.ProblemException 422 for an unknown type or
	 * action, a missing id, version or fields
	 */
	public static IncomingChange toChange(JsonNode json, String deliveryId, byte[] body) {
		String typeName = Json.text(json, "type");
		ContentType type = ContentType.fromWireName((typeName != null) ? typeName : "")
			.orElseThrow(() -> WebhookProblems
				.unknownContentType("'type' must be one of page, title, talent, asset; was " + typeName));
		String actionName = Json.text(json, "action");
		Action action = Action.fromWireName((actionName != null) ? actionName : "")
			.orElseThrow(() -> WebhookProblems
				.invalid("'action' must be one of publish, draft, unpublish, delete; was " + actionName));
		String id = Json.documentId(Json.text(json, "id"), "id");
		Long version = Json.integer(Json.child(json, "version"), "version");
		if (version == null || version < 1) {
			throw WebhookProblems.invalid("'version' must be a positive integer, increasing with every change");
		}
		JsonNode fields = Json.child(json, "fields");
		if (!action.isRemoval() && (fields == null || !fields.isObject())) {
			throw WebhookProblems.invalid("'fields' must be an object for action " + action.wireName());
		}
		return new IncomingChange(SOURCE, deliveryId, type, id, version, action, fields,
				new String(body, StandardCharsets.UTF_8), TraceIds.current());
	}

}
