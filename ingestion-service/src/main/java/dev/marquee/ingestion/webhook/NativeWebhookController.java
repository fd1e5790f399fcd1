package dev.marquee.ingestion.webhook;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
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
import dev.marquee.model.webhook.NativeWebhook;

/**
 * {@code POST /webhooks/marquee}: Marquee's own webhook format (module README,
 * {@code schema/marquee-webhook.schema.json}), signed over delivery id, timestamp and body as
 * {@link NativeWebhook} defines.
 */
@RestController
class NativeWebhookController {

	static final String SOURCE = "marquee";

	private final WebhookRequests requests;

	private final Ingestion ingestion;

	private final IngestionProperties.Webhooks webhooks;

	private final Clock clock;

	NativeWebhookController(WebhookRequests requests, Ingestion ingestion, IngestionProperties properties,
			Clock clock) {
		this.requests = requests;
		this.ingestion = ingestion;
		this.webhooks = properties.webhooks();
		this.clock = clock;
	}

	@PostMapping("/webhooks/marquee")
	ResponseEntity<IngestionResult> receive(HttpServletRequest request) {
		byte[] body = this.requests.body(request);
		String deliveryId = request.getHeader(NativeWebhook.DELIVERY_ID);
		try {
			NativeWebhook.verify(this.webhooks.secretMarquee(), deliveryId, request.getHeader(NativeWebhook.SIGNATURE),
					body, this.webhooks.signatureTolerance(), this.clock);
		}
		catch (NativeWebhook.Rejected ex) {
			throw switch (ex.reason()) {
				case MISSING_DELIVERY_ID -> WebhookProblems.badRequest("missing-delivery-id", "Missing delivery id",
						ex.getMessage());
				case INVALID_DELIVERY_ID -> WebhookProblems.badRequest("invalid-delivery-id", "Invalid delivery id",
						ex.getMessage());
				case EXPIRED -> WebhookProblems.expired(ex.getMessage());
				case MISSING_SIGNATURE, MALFORMED, MISMATCH -> WebhookProblems.badSignature(ex.getMessage());
			};
		}
		JsonNode json = WebhookRequests.parse(body);
		return WebhookRequests.answer(this.ingestion.handle(toChange(json, deliveryId, body)));
	}

	static IncomingChange toChange(JsonNode json, String deliveryId, byte[] body) {
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
				new String(body, java.nio.charset.StandardCharsets.UTF_8), TraceIds.current());
	}

}
