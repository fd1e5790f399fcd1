package dev.marquee.ingestion.webhook.sanity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.webhook.Hmac;
import dev.marquee.ingestion.webhook.WebhookProblems;

/**
 * Sanity's webhook signature, as {@code @sanity/webhook} defines it:
 * {@code sanity-webhook-signature: t=<epoch millis>,v1=<base64url HMAC-SHA256(secret, "<t>.<body>")>}.
 * Sanity's toolkit does not limit the timestamp's age; we do (the native tolerance)
 * against replays.
 */
final class SanitySignature {

	static final String HEADER = "sanity-webhook-signature";

	private SanitySignature() {
	}

	static String sign(String secret, long timestampMillis, byte[] body) {
		return "t=" + timestampMillis + ",v1="
				+ Hmac.base64Url(Hmac.sha256(secret, Hmac.utf8(timestampMillis + "."), body));
	}

	static void verify(@Nullable String header, byte[] body, String secret, Duration tolerance, Clock clock) {
		if (header == null || header.isBlank()) {
			throw WebhookProblems.badSignature("Missing " + HEADER + " header");
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && "t".equals(pair[0])) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					throw WebhookProblems.badSignature("Malformed timestamp in " + HEADER);
				}
			}
			else if (pair.length == 2 && "v1".equals(pair[0])) {
				signatures.add(pair[1].replace('+', '-').replace('/', '_').replaceAll("=+$", ""));
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw WebhookProblems.badSignature(HEADER + " must be t=<epoch millis>,v1=<base64url HMAC-SHA256>");
		}
		String expected = Hmac.base64Url(Hmac.sha256(secret, Hmac.utf8(timestamp + "."), body));
		if (signatures.stream().noneMatch((signature) -> Hmac.equal(expected, signature))) {
			throw WebhookProblems.badSignature("Signature does not match the body");
		}
		if (!Hmac.fresh(timestamp, tolerance, clock)) {
			throw WebhookProblems.expired("Signature timestamp is more than " + tolerance + " away from now");
		}
	}

}
