package dev.marquee.ingestion.webhook.contentful;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.ingest.Ingestion;
import dev.marquee.ingestion.ingest.IngestionResult;
import dev.marquee.ingestion.ingest.StoredContent;
import dev.marquee.ingestion.webhook.WebhookProblems;
import dev.marquee.ingestion.webhook.WebhookRequests;

/**
 * {@code POST /webhooks/contentful}: Contentful's webhook (full CMA entity payload,
 * locale-keyed fields), verified with Contentful's signed-headers HMAC and dispatched on
 * {@code X-Contentful-Topic}. Unpublish and delete share the
 * {@code DeletedEntry}/{@code DeletedAsset} body, so only the topic tells them apart.
 * Content model: module README.
 */
@RestController
class ContentfulWebhookController {

	static final String TOPIC = "X-Contentful-Topic";

	static final String IDEMPOTENCY_KEY = "X-Contentful-Idempotency-Key";

	private final WebhookRequests requests;

	private final Ingestion ingestion;

	private final ContentfulMapping mapping;

	private final IngestionProperties.Webhooks webhooks;

	private final Clock clock;

	ContentfulWebhookController(WebhookRequests requests, Ingestion ingestion, StoredContent stored,
			IngestionProperties properties, Clock clock) {
		this.requests = requests;
		this.ingestion = ingestion;
		this.mapping = new ContentfulMapping(stored::isKnown);
		this.webhooks = properties.webhooks();
		this.clock = clock;
	}

	@PostMapping("/webhooks/contentful")
	ResponseEntity<IngestionResult> receive(HttpServletRequest request) {
		byte[] body = this.requests.body(request);
		String path = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
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
		return WebhookRequests.answer(this.ingestion.handle(this.mapping.toChange(topic, json, deliveryId, body)));
	}

}
