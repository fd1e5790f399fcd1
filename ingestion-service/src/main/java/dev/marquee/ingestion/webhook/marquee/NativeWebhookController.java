package dev.marquee.ingestion.webhook.marquee;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.ingest.Ingestion;
import dev.marquee.ingestion.ingest.IngestionResult;
import dev.marquee.ingestion.webhook.WebhookProblems;
import dev.marquee.ingestion.webhook.WebhookRequests;
import dev.marquee.model.webhook.NativeWebhook;

/**
 * {@code POST /webhooks/marquee}: Marquee's own webhook format (module README,
 * {@code schema/marquee-webhook.schema.json}), signed over delivery id, timestamp and
 * body as {@link NativeWebhook} defines.
 */
@RestController
class NativeWebhookController {

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
				case MISSING_DELIVERY_ID ->
					WebhookProblems.badRequest("missing-delivery-id", "Missing delivery id", ex.getMessage());
				case INVALID_DELIVERY_ID ->
					WebhookProblems.badRequest("invalid-delivery-id", "Invalid delivery id", ex.getMessage());
				case EXPIRED -> WebhookProblems.expired(ex.getMessage());
				case MISSING_SIGNATURE, MALFORMED, MISMATCH -> WebhookProblems.badSignature(ex.getMessage());
			};
		}
		JsonNode json = WebhookRequests.parse(body);
		return WebhookRequests.answer(this.ingestion.handle(NativeMapping.toChange(json, deliveryId, body)));
	}

}
