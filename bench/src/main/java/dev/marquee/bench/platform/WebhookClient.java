package dev.marquee.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.marquee.sample.Delivery;
import dev.marquee.bench.content.WebhookSigner;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;

/**
 * Posts deliveries to ingestion's real, signed {@code POST /webhooks/marquee}, retrying a
 * 503 (a write path not ready) with the same delivery id as a CMS would.
 */
public final class WebhookClient {

	private final HttpClient http;

	private final URI endpoint;

	private final WebhookSigner signer;

	public WebhookClient(HttpClient http, URI ingestion, WebhookSigner signer) {
		this.http = http;
		this.endpoint = Endpoints.resolve(ingestion, "/webhooks/marquee");
		this.signer = signer;
	}

	/**
	 * What ingestion accepted.
	 *
	 * @param consistencyToken the token naming this write on each path, null when nothing
	 * was published
	 * @param versions the new content version per stage ({@code PUBLISHED},
	 * {@code PREVIEW}) of the page
	 * @param duplicate the delivery had been processed before
	 * @param ignored the delivery was older than the stored document
	 * @param renderProblems pages that could not be rendered
	 */
	public record Accepted(@Nullable String consistencyToken, Map<String, Long> versions, boolean duplicate,
			boolean ignored, int renderProblems) {

	}

	/**
	 * Ingestion answered with something other than a 2xx; the soak counts 503s apart from
	 * other refusals.
	 */
	public static final class Refused extends IOException {

		private final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	/**
	 * Posts one delivery.
	 * @param delivery the delivery
	 * @param maxAttempts how many times to try on 503
	 * @return what ingestion accepted
	 * @throws Refused on a refusal other than a retried 503
	 * @throws IOException on a transport failure
	 */
	public Accepted post(Delivery delivery, int maxAttempts) throws IOException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(this.endpoint)
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header(NativeWebhook.DELIVERY_ID, delivery.deliveryId())
				.header(NativeWebhook.SIGNATURE,
						this.signer.sign(delivery.deliveryId(), System.currentTimeMillis(), delivery.body()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return parse(response.body());
			}
			if (response.statusCode() != 503 || attempt >= maxAttempts) {
				throw new Refused(response.statusCode(), "webhook " + delivery.deliveryId() + " refused: HTTP "
						+ response.statusCode() + " " + abbreviate(response.body()));
			}
			// A write path was not ready: the same delivery id makes the retry harmless.
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200L * attempt).toNanos());
		}
	}

	static Accepted parse(String body) {
		JsonNode json = MarqueeJson.mapper().readTree(body);
		Map<String, Long> versions = new HashMap<>();
		JsonNode pages = json.get("pages");
		if (pages != null && pages.isArray()) {
			for (JsonNode page : pages) {
				versions.merge(page.get("stage").asString(), page.get("contentVersion").asLong(), Math::max);
			}
		}
		JsonNode token = json.get("consistencyToken");
		JsonNode problems = json.get("renderProblems");
		return new Accepted((token != null && !token.isNull()) ? token.asString() : null, versions,
				json.path("duplicate").asBoolean(false), json.path("ignored").asBoolean(false),
				(problems != null && problems.isArray()) ? problems.size() : 0);
	}

	static String abbreviate(String text) {
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
