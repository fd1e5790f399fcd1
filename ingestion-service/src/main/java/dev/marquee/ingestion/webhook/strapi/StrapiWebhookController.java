package dev.marquee.ingestion.webhook.strapi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.ingest.Ingestion;
import dev.marquee.ingestion.ingest.IngestionResult;
import dev.marquee.ingestion.webhook.Hmac;
import dev.marquee.ingestion.webhook.Json;
import dev.marquee.ingestion.webhook.WebhookProblems;
import dev.marquee.ingestion.webhook.WebhookRequests;

/**
 * {@code POST /webhooks/strapi}: Strapi 5's webhook ({@code X-Strapi-Event}, body
 * {@code {event, model, uid, entry}}). Strapi signs nothing, so it must send a configured
 * bearer token ({@code webhooks.defaultHeaders} in Strapi's {@code config/server}); it
 * has no idempotency key either, so the delivery id is the hash of event and body.
 * {@code entry.documentId} is the document id, {@code updatedAt} its version. Content
 * model: module README.
 */
@RestController
class StrapiWebhookController {

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
			IncomingChange change = StrapiMapping.toChange("entry.update", json, deliveryId, body);
			return WebhookRequests
				.answer(IngestionResult.ignored(change, "a discarded draft changes nothing published"));
		}
		return WebhookRequests.answer(this.ingestion.handle(StrapiMapping.toChange(event, json, deliveryId, body)));
	}

}
