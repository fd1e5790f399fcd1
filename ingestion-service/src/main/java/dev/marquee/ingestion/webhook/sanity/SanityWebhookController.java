package dev.marquee.ingestion.webhook.sanity;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.ingest.Ingestion;
import dev.marquee.ingestion.ingest.IngestionResult;
import dev.marquee.ingestion.ingest.StoredContent;
import dev.marquee.ingestion.webhook.Json;
import dev.marquee.ingestion.webhook.WebhookRequests;

/**
 * {@code POST /webhooks/sanity}: a Sanity GROQ-powered webhook whose projection is the
 * whole document plus its operation ({@code {..., "_operation": delta::operation()}}),
 * signed with {@code sanity-webhook-signature}. A {@code drafts.} or
 * {@code versions.<release>.} id is a draft save (preview only); a delete of the
 * published id removes the page; a delete of a draft or release id only matters when
 * nothing is published. Versions are {@code _updatedAt} (Sanity's {@code _rev} is not
 * ordered). Content model: module README.
 */
@RestController
class SanityWebhookController {

	static final String OPERATION = "sanity-operation";

	static final String IDEMPOTENCY_KEY = "idempotency-key";

	private final WebhookRequests requests;

	private final Ingestion ingestion;

	private final StoredContent stored;

	private final IngestionProperties.Webhooks webhooks;

	private final Clock clock;

	SanityWebhookController(WebhookRequests requests, Ingestion ingestion, StoredContent stored,
			IngestionProperties properties, Clock clock) {
		this.requests = requests;
		this.ingestion = ingestion;
		this.stored = stored;
		this.webhooks = properties.webhooks();
		this.clock = clock;
	}

	@PostMapping("/webhooks/sanity")
	ResponseEntity<IngestionResult> receive(HttpServletRequest request) {
		byte[] body = this.requests.body(request);
		SanitySignature.verify(request.getHeader(SanitySignature.HEADER), body, this.webhooks.secretSanity(),
				this.webhooks.signatureTolerance(), this.clock);
		JsonNode json = WebhookRequests.parse(body);
		String deliveryId = Optional.ofNullable(request.getHeader(IDEMPOTENCY_KEY))
			.filter((key) -> !key.isBlank())
			.orElseGet(() -> WebhookRequests.sha256Hex(body));
		String operation = SanityMapping.operation(json, request.getHeader(OPERATION));
		IncomingChange change = SanityMapping.toChange(operation, json, deliveryId, body);
		if (change.action() == Action.DELETE && !SanityMapping.published(Json.text(json, "_id") + "")
				&& this.stored.isPublished(change.type(), change.documentId())) {
			return WebhookRequests.answer(IngestionResult.ignored(change,
					"a discarded draft of a published document: the published copy stays"));
		}
		return WebhookRequests.answer(this.ingestion.handle(change));
	}

}
