package dev.marquee.ingestion.webhook;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Marquee's native webhook signature (CONVENTIONS.md): {@code Marquee-Signature: t=<epoch millis>,v1=<hex
 * HMAC-SHA256(secret, "<t>." + raw body)>}; several {@code v1} values may be sent while a secret rotates.
 */
final class NativeSignature {

	/** The signature header. */
	static final String HEADER = "Marquee-Signature";

	/** The de-duplication header. */
	static final String DELIVERY_ID = "Marquee-Delivery-Id";

	private NativeSignature() {
	}

	/**
	 * Signs a body, as a CMS adapter, the sample loader or a test would.
	 * @param secret the shared secret
	 * @param timestampMillis the signing time
	 * @param body the raw body
	 * @return the header value
	 */
	static String sign(String secret, long timestampMillis, byte[] body) {
		return "t=" + timestampMillis + ",v1="
				+ Hmac.hex(Hmac.sha256(secret, Hmac.utf8(timestampMillis + "."), body));
	}

	/**
	 * Verifies a signature header.
	 * @param header the header value, null if absent
	 * @param body the raw body
	 * @param secret the shared secret
	 * @param tolerance how far {@code t} may be from now
	 * @param clock now
	 * @throws dev.marquee.ingestion.system.ProblemException 401 when missing, malformed, wrong or expired
	 */
	static void verify(@Nullable String header, byte[] body, String secret, Duration tolerance, Clock clock) {
		if (header == null || header.isBlank()) {
			throw WebhookProblems.badSignature("Missing " + HEADER + " header");
		}
		Long timestamp = null;
		java.util.List<String> signatures = new java.util.ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if ("t".equals(pair[0])) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					throw WebhookProblems.badSignature("Malformed timestamp in " + HEADER);
				}
			}
			else if ("v1".equals(pair[0])) {
				signatures.add(pair[1]);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw WebhookProblems.badSignature(HEADER + " must be t=<epoch millis>,v1=<hex HMAC-SHA256>");
		}
		String expected = Hmac.hex(Hmac.sha256(secret, Hmac.utf8(timestamp + "."), body));
		if (signatures.stream().noneMatch((signature) -> Hmac.equal(expected, signature.toLowerCase()))) {
			throw WebhookProblems.badSignature("Signature does not match the body");
		}
		if (!Hmac.fresh(timestamp, tolerance, clock)) {
			throw WebhookProblems.expired("Signature timestamp is more than " + tolerance + " away from now");
		}
	}

}
