package dev.marquee.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.marquee.model.webhook.NativeWebhook;

/**
 * Posts signed native webhooks and authenticated admin requests to a running ingestion
 * service, and signs deliveries the way each CMS does.
 */
final class Deliveries {

	static final String SECRET = "local-marquee-webhook-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	Deliveries(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String body) {
		return post(body, UUID.randomUUID().toString());
	}

	HttpResponse<String> post(String body, String deliveryId) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/webhooks/marquee"))
			.header("Content-Type", "application/json")
			.header(NativeWebhook.DELIVERY_ID, deliveryId)
			.header(NativeWebhook.SIGNATURE, NativeWebhook.sign(SECRET, deliveryId, System.currentTimeMillis(), bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path));
	}

	HttpRequest.Builder asUser(String path, String user, String password) {
		return request(path).header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	HttpRequest.Builder asAdmin(String path) {
		return asUser(path, "admin", "marquee-admin-local");
	}

	/**
	 * Sanity's {@code sanity-webhook-signature}: base64url HMAC-SHA256 of
	 * {@code "<t>." + body}.
	 */
	static String sanitySignature(String secret, long timestamp, byte[] body) {
		return "t=" + timestamp + ",v1="
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, utf8(timestamp + "."), body));
	}

	/**
	 * The headers a Contentful delivery signs, in signing order: the topic decides the
	 * action, so it is one.
	 */
	static final String CONTENTFUL_SIGNED_HEADERS = "x-contentful-signed-headers,"
			+ "x-contentful-timestamp,x-contentful-topic";

	/**
	 * Contentful's {@code x-contentful-signature} over the method, the path, the signed
	 * headers ({@link #CONTENTFUL_SIGNED_HEADERS}: the list itself, the timestamp and the
	 * topic, in that order) and the body.
	 */
	static String contentfulSignature(String secret, String method, String path, long timestamp, String topic,
			byte[] body) {
		String canonical = method + "\n" + path + "\nx-contentful-signed-headers:" + CONTENTFUL_SIGNED_HEADERS
				+ ";x-contentful-timestamp:" + timestamp + ";x-contentful-topic:" + topic + "\n";
		return HexFormat.of().formatHex(hmac(secret, utf8(canonical), body));
	}

	static byte[] hmac(String secret, byte[]... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	static String asset(String id, int version) {
		return """
				{"type":"asset","id":"%s","action":"publish","version":%d,
				 "fields":{"file":"img/%s.jpg","width":1920,"height":1080,"mimeType":"image/jpeg",
				 "altText":"Artwork %s","focalPoint":{"x":0.25,"y":0.4}}}""".formatted(id, version, id, id);
	}

	static String title(String id, int version, String name, String artworkAssetId) {
		return """
				{"type":"title","id":"%s","action":"publish","version":%d,
				 "fields":{"name":"%s","synopsis":"Synopsis of %s","maturityRating":"TV-14",
				 "genres":["Drama","Thriller"],"artworkAssetId":"%s"}}""".formatted(id, version, name, name,
				artworkAssetId);
	}

	static String talent(String id, int version, String name, String headshotAssetId) {
		return """
				{"type":"talent","id":"%s","action":"publish","version":%d,
				 "fields":{"name":"%s","headshotAssetId":"%s"}}""".formatted(id, version, name, headshotAssetId);
	}

	static String removal(String type, String id, String action, int version) {
		return """
				{"type":"%s","id":"%s","action":"%s","version":%d}""".formatted(type, id, action, version);
	}

	/**
	 * A home page with a hero on the asset, a row of the title and a heading with a title
	 * placeholder.
	 */
	static String homePage(String id, String action, int version, String assetId, String titleId) {
		return """
				{"type":"page","id":"%s","action":"%s","version":%d,
				 "fields":{"slug":"%s","template":"home","title":"Home %s","summary":"Watch {{title:%s.name}}",
				  "elements":[
				   {"id":"hero","type":"HERO","text":{"heading":"Now: {{title:%s.name}}",
				    "subheading":"{{title:%s.synopsis}}"},"assetIds":["%s"]},
				   {"id":"row","type":"TITLE_ROW","text":{"heading":"Trending"},"titleIds":["%s"]}
				  ]}}""".formatted(id, action, version, id, id, titleId, titleId, titleId, assetId, titleId);
	}

}
