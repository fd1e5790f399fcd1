package dev.marquee.page.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.ElementType;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;
import dev.marquee.page.readpath.ReadPathSwitch;
import dev.marquee.page.source.PageSources;
import dev.marquee.page.source.PageSummary;
import dev.marquee.page.source.SourceUnavailableException;

/**
 * Publishes a demo edit through ingestion's real, signed {@code POST /webhooks/marquee}:
 * it takes a published page with a HERO element, changes the hero heading of its newest
 * (PREVIEW) copy, and posts the page document, so a visitor of the dashboard watches the
 * edit reach both read paths without overwriting a pending draft.
 */
class DemoEdits {

	/**
	 * Ingestion's local default for {@code MARQUEE_WEBHOOK_SECRET_MARQUEE}
	 * (CONVENTIONS.md).
	 */
	static final String LOCAL_WEBHOOK_SECRET = "local-marquee-webhook-secret";

	private static final Logger logger = LoggerFactory.getLogger(DemoEdits.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

	private final PageSources sources;

	private final ReadPathSwitch readPath;

	private final URI webhook;

	private final String secret;

	private final Duration timeout;

	private final Clock clock;

	private final HttpClient http;

	DemoEdits(PageSources sources, ReadPathSwitch readPath, URI ingestionUrl, String secret, Duration timeout,
			Clock clock, UnaryOperator<HttpClient> clientDecorator) {
		this.sources = sources;
		this.readPath = readPath;
		this.webhook = ingestionUrl.resolve("/webhooks/marquee");
		this.secret = secret;
		this.timeout = timeout;
		this.clock = clock;
		// Observed: the post is timed (http.client.requests) and carries the dashboard
		// request's traceparent.
		this.http = clientDecorator.apply(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
	}

	/**
	 * Edits the hero heading of a page and posts it to ingestion.
	 * @param slug the page to edit, or null for the first published page with a HERO
	 * element
	 * @return what was sent and what ingestion answered
	 * @throws DemoEditException when there is no page to edit, or ingestion is
	 * unreachable or refuses the edit
	 */
	DemoEditResult publish(@Nullable String slug) {
		Page published = (slug != null && !slug.isBlank())
				? newest(slug, Stage.PUBLISHED)
					.orElseThrow(() -> DemoEditException.pageNotFound("No published page with slug '" + slug + "'"))
				: firstWithHero().orElseThrow(() -> DemoEditException
					.pageNotFound("No published page with a HERO element to edit; load the sample content first"));
		Page page = base(published);
		if (page.elements().stream().noneMatch((element) -> element.type() == ElementType.HERO)) {
			throw DemoEditException.noHero("Page '" + page.slug() + "' has no HERO element whose heading could change");
		}
		long now = this.clock.millis();
		String heading = "Demo edit at " + TIME.format(this.clock.instant()) + " UTC";
		// Ingestion ignores a version older than the one it stored; the read path may lag
		// a click behind, and an
		// equal version is accepted, so the next version after the newest one readable is
		// enough.
		long version = Math.max(page.sourceVersion(), published.sourceVersion()) + 1;
		byte[] body = DemoWebhook.body(page, heading, version);
		String deliveryId = "dashboard-demo-" + UUID.randomUUID();
		HttpRequest request = HttpRequest.newBuilder(this.webhook)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header(NativeWebhook.DELIVERY_ID, deliveryId)
			.header(NativeWebhook.SIGNATURE, NativeWebhook.sign(this.secret, deliveryId, now, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw DemoEditException.ingestionUnavailable("Ingestion at " + this.webhook + " is unreachable: "
					+ ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? " " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DemoEditException.ingestionUnavailable("Interrupted while posting the demo edit");
		}
		JsonNode answer = parse(response.body());
		if (response.statusCode() / 100 != 2) {
			throw DemoEditException.refused(response.statusCode(), answer);
		}
		String token = response.headers().firstValue(MarqueeHeaders.CONSISTENCY_TOKEN).orElse(null);
		if (token == null && answer.path("consistencyToken").isString()) {
			token = answer.path("consistencyToken").asString();
		}
		logger.info("Demo edit of page {} ({}) v{} posted to {}: HTTP {}", page.pageId(), page.slug(), version,
				this.webhook, response.statusCode());
		return new DemoEditResult(page.pageId(), page.slug(), heading, version, deliveryId, response.statusCode(),
				token, answer);
	}

	/**
	 * @return the webhook endpoint demo edits are posted to
	 */
	URI webhook() {
		return this.webhook;
	}

	/**
	 * The document the edit starts from: the page's PREVIEW copy, which holds a pending
	 * draft when there is one (a publish writes both stages, a draft only PREVIEW), so
	 * the edit carries the draft along instead of publishing the older published copy
	 * over it.
	 * @throws DemoEditException 409 when the PREVIEW copy is not under the published
	 * slug: a pending draft renamed the page, and an edit of the published copy would
	 * overwrite it
	 */
	private Page base(Page published) {
		Page preview = newest(published.slug(), Stage.PREVIEW)
			.filter((candidate) -> candidate.pageId().equals(published.pageId()))
			.orElseThrow(() -> DemoEditException.pendingDraft("Page '" + published.pageId()
					+ "' has no preview copy under slug '" + published.slug()
					+ "': a pending draft moved it, and a demo edit of the published copy would overwrite that draft"));
		return (preview.sourceVersion() >= published.sourceVersion()) ? preview : published;
	}

	// The newest copy either path holds, so consecutive clicks build on each other even
	// while one path lags.
	private Optional<Page> newest(String slug, Stage stage) {
		return Stream.of(this.readPath.active(), other(this.readPath.active()))
			.flatMap((path) -> find(path, slug, stage).stream())
			.max(Comparator.comparingLong(Page::contentVersion));
	}

	private Optional<Page> find(ReadPath path, String slug, Stage stage) {
		try {
			return this.sources.get(path).findFresh(slug, stage);
		}
		catch (SourceUnavailableException ex) {
			return Optional.empty();
		}
	}

	private Optional<Page> firstWithHero() {
		for (ReadPath path : new ReadPath[] { this.readPath.active(), other(this.readPath.active()) }) {
			try {
				// Each candidate costs a fresh read; a page with a hero is almost always
				// among the first few.
				for (PageSummary summary : this.sources.get(path).list(Stage.PUBLISHED).stream().limit(100).toList()) {
					Optional<Page> page = newest(summary.slug(), Stage.PUBLISHED);
					if (page.isPresent()
							&& page.get().elements().stream().anyMatch((e) -> e.type() == ElementType.HERO)) {
						return page;
					}
				}
			}
			catch (SourceUnavailableException ex) {
				// Try the other path.
			}
		}
		return Optional.empty();
	}

	private static ReadPath other(ReadPath path) {
		return (path == ReadPath.HOLLOW) ? ReadPath.KAFKA_CASSANDRA : ReadPath.HOLLOW;
	}

	private static JsonNode parse(String body) {
		try {
			return MarqueeJson.mapper().readTree(body.isBlank() ? "{}" : body);
		}
		catch (JacksonException ex) {
			return MarqueeJson.mapper().getNodeFactory().textNode(body);
		}
	}

}
