package dev.marquee.ingestion.webhook.contentful;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.webhook.Hmac;
import dev.marquee.ingestion.webhook.WebhookProblems;

/**
 * Contentful's request verification, as its apps toolkit defines it:
 * {@code x-contentful-signature} is the lower-case hex HMAC-SHA256 (signing secret) of
 * the canonical request {@code METHOD\nPATH\nk1:v1;k2:v2\nBODY}, where the headers are
 * those named, comma-separated, in {@code x-contentful-signed-headers} (names
 * lower-cased, in that order; they must include the topic, which decides the action,
 * besides the list itself and the timestamp), and the signed
 * {@code x-contentful-timestamp} (epoch millis) must be younger than a time to live
 * (toolkit default 30 s) and not further in the future than that (the toolkit does not
 * check this; a future date would make a replay window).
 */
final class ContentfulSignature {

	static final String SIGNATURE = "x-contentful-signature";

	static final String SIGNED_HEADERS = "x-contentful-signed-headers";

	static final String TIMESTAMP = "x-contentful-timestamp";

	static final String TOPIC = "x-contentful-topic";

	private ContentfulSignature() {
	}

	/**
	 * Computes the signature of a request, as Contentful does.
	 * @param secret the signing secret
	 * @param method the HTTP method
	 * @param path the request path (and query) as sent
	 * @param signedHeaders the signed headers, lower-case names in signing order
	 * @param body the raw body
	 * @return lower-case hex HMAC-SHA256
	 */
	static String sign(String secret, String method, String path, Map<String, String> signedHeaders, byte[] body) {
		StringJoiner headers = new StringJoiner(";");
		signedHeaders.forEach((name, value) -> headers.add(name.toLowerCase(Locale.ROOT) + ":" + value.strip()));
		String prefix = method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + headers + "\n";
		return Hmac.hex(Hmac.sha256(secret, Hmac.utf8(prefix), body));
	}

	/**
	 * Verifies a request.
	 * @param header reads a request header by name
	 * @param method the HTTP method
	 * @param path the request path (and query)
	 * @param body the raw body
	 * @param secret the signing secret
	 * @param timeToLive maximum age of the signed timestamp
	 * @param clock now
	 */
	static void verify(UnaryOperator<@Nullable String> header, String method, String path, byte[] body, String secret,
			Duration timeToLive, Clock clock) {
		String signature = header.apply(SIGNATURE);
		String signedHeaderNames = header.apply(SIGNED_HEADERS);
		String timestamp = header.apply(TIMESTAMP);
		if (signature == null || signedHeaderNames == null || timestamp == null) {
			throw WebhookProblems.badSignature("Missing " + SIGNATURE + ", " + SIGNED_HEADERS + " or " + TIMESTAMP);
		}
		List<String> names = new ArrayList<>();
		for (String name : signedHeaderNames.split(",")) {
			if (!name.isBlank()) {
				names.add(name.strip().toLowerCase(Locale.ROOT));
			}
		}
		// The topic decides the action (Entry.save is a draft, Entry.publish goes
		// public): an unsigned topic would
		// let anyone holding one captured draft delivery publish it.
		if (!names.contains(TIMESTAMP) || !names.contains(SIGNED_HEADERS) || !names.contains(TOPIC)) {
			throw WebhookProblems.badSignature("The timestamp, the topic and the signed-headers list must be signed: "
					+ SIGNED_HEADERS + " must name " + SIGNED_HEADERS + ", " + TIMESTAMP + " and " + TOPIC);
		}
		Map<String, String> signed = new java.util.LinkedHashMap<>();
		for (String name : names) {
			String value = header.apply(name);
			if (value == null) {
				throw WebhookProblems.badSignature("Signed header " + name + " is missing");
			}
			signed.put(name, value);
		}
		String expected = sign(secret, method, path, signed, body);
		if (!Hmac.equal(expected, signature.strip().toLowerCase(Locale.ROOT))) {
			throw WebhookProblems.badSignature("Signature does not match the request");
		}
		long signedAt;
		try {
			signedAt = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw WebhookProblems.badSignature("Malformed " + TIMESTAMP);
		}
		if (!Hmac.fresh(signedAt, timeToLive, clock)) {
			throw WebhookProblems.expired("Request was signed more than " + timeToLive + " ago, or in the future");
		}
	}

}
