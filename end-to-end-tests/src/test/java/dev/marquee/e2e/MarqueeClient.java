package dev.marquee.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;

/**
 * What a CMS and a reader do over HTTP: signed native webhooks to ingestion, page reads
 * and previews from page construction, the read-path toggle.
 */
final class MarqueeClient {

	static final String WEBHOOK_SECRET = "local-marquee-webhook-secret";

	static final String ADMIN = basic("admin", "marquee-admin-local");

	static final String EDITOR = basic("editor", "marquee-editor-local");

	static final String SERVICE = basic("marquee-service", "marquee-service-local");

	private static final HttpClient SHARED_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String ingestion;

	private final String pages;

	MarqueeClient(String ingestionUrl, String pageConstructionUrl) {
		this.ingestion = ingestionUrl;
		this.pages = pageConstructionUrl;
	}

	/** An HTTP answer. */
	record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

		JsonNode json() {
			return MarqueeJson.mapper().readTree(this.body);
		}

		@Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map((e) -> e.getValue().get(0))
				.orElse(null);
		}

		@Nullable String token() {
			return header(MarqueeHeaders.CONSISTENCY_TOKEN);
		}

	}

	/**
	 * Posts a native webhook delivery, signed as the CMS would sign it.
	 * @param body the delivery
	 * @param deliveryId its de-duplication key
	 * @return the answer
	 */
	Answer webhook(String body, String deliveryId) throws IOException, InterruptedException {
		return send(webhookRequest(body, deliveryId).build());
	}

	/**
	 * Posts a native webhook delivery as part of the caller's W3C trace.
	 * @param body the delivery
	 * @param traceparent the {@code traceparent} header
	 * @return the answer
	 */
	Answer tracedWebhook(String body, String traceparent) throws IOException, InterruptedException {
		return send(webhookRequest(body, UUID.randomUUID().toString()).header("traceparent", traceparent).build());
	}

	private HttpRequest.Builder webhookRequest(String body, String deliveryId) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		long timestamp = System.currentTimeMillis();
		return HttpRequest.newBuilder(URI.create(this.ingestion + "/webhooks/marquee"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(NativeWebhook.DELIVERY_ID, deliveryId)
			.header(NativeWebhook.SIGNATURE, sign(deliveryId, timestamp, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
	}

	Answer webhook(String body) throws IOException, InterruptedException {
		return webhook(body, UUID.randomUUID().toString());
	}

	Answer page(String slug, String readPath) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.pages + "/pages/" + slug + "?readPath=" + readPath))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build());
	}

	Answer page(String slug) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.pages + "/pages/" + slug))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build());
	}

	Answer get(String path, @Nullable String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.pages + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	Answer preview(String slug, String readPath, @Nullable String token, @Nullable String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.pages + "/preview/pages/" + slug + "?readPath=" + readPath))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			request.header(MarqueeHeaders.CONSISTENCY_TOKEN, token);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	Answer setReadPath(String readPath, @Nullable String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.pages + "/admin/read-path"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"readPath\":\"" + readPath + "\"}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	/**
	 * A GET of any URL (another service, another replica).
	 * @param url the URL
	 * @param authorization a Basic authorization, or null
	 * @return the answer
	 */
	static Answer getUrl(String url, @Nullable String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = SHARED_HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().map(), response.body());
	}

	private Answer send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().map(), response.body());
	}

	/**
	 * The {@code Marquee-Signature} of a delivery under the local default secret
	 * ({@link NativeWebhook}).
	 */
	static String sign(String deliveryId, long timestamp, byte[] body) {
		return NativeWebhook.sign(WEBHOOK_SECRET, deliveryId, timestamp, body);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
