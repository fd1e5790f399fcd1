package dev.marquee.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.MarqueeHeaders;

/**
 * Marquee's native webhook signature, the one contract between ingestion (which verifies)
 * and every client that signs (CMS adapters, the sample loader, the dashboard's demo
 * edit, the bench, the tests).
 * <p>
 * Like the Standard Webhooks scheme, the signature covers the delivery id and the
 * timestamp as well as the body:
 * {@code Marquee-Signature: t=<epoch millis>,v1=<lower-case hex HMAC-SHA256(secret, "<id>.<t>.<raw body>")>}
 * with {@code <id>} the {@code Marquee-Delivery-Id}. A captured request therefore cannot
 * be replayed under a fresh delivery id (the de-duplication key) nor with a fresh
 * timestamp, and the timestamp must be within a tolerance of the receiver's clock either
 * way. Several {@code v1} values may be sent while a secret rotates.
 * <p>
 * The delivery id is 1 to {@value #MAX_DELIVERY_ID_LENGTH} visible ASCII characters. Its
 * {@code .} separators cannot be shifted: the timestamp is digits only and comes from the
 * header, and the body must be a JSON object.
 */
public final class NativeWebhook {

	/** The de-duplication header, signed. */
	public static final String DELIVERY_ID = MarqueeHeaders.WEBHOOK_DELIVERY_ID;

	/** The signature header. */
	public static final String SIGNATURE = MarqueeHeaders.WEBHOOK_SIGNATURE;

	/**
	 * How far a signature's timestamp may be from the receiver's clock, either way,
	 * unless configured.
	 */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	/** The longest delivery id accepted. */
	public static final int MAX_DELIVERY_ID_LENGTH = 200;

	private static final String ALGORITHM = "HmacSHA256";

	private NativeWebhook() {
	}

	/**
	 * Signs a delivery.
	 * @param secret the shared secret
	 * @param deliveryId the {@code Marquee-Delivery-Id} that will be sent
	 * @param timestampMillis the signing time, epoch milliseconds
	 * @param body the exact bytes that will be sent
	 * @return the {@code Marquee-Signature} header value
	 * @throws IllegalArgumentException for a delivery id the receiver would refuse
	 */
	public static String sign(String secret, String deliveryId, long timestampMillis, byte[] body) {
		if (!validDeliveryId(deliveryId)) {
			throw new IllegalArgumentException(
					"A delivery id is 1 to " + MAX_DELIVERY_ID_LENGTH + " visible ASCII characters: " + deliveryId);
		}
		return "t=" + timestampMillis + ",v1=" + hex(secret, deliveryId, timestampMillis, body);
	}

	/**
	 * Verifies a delivery.
	 * @param secret the shared secret
	 * @param deliveryId the {@code Marquee-Delivery-Id} header, null if absent
	 * @param signature the {@code Marquee-Signature} header, null if absent
	 * @param body the raw body as received
	 * @param tolerance how far the signed timestamp may be from now, either way
	 * @param clock now
	 * @throws Rejected when the delivery id or the signature is missing or malformed, the
	 * signature does not match, or the timestamp is outside the tolerance
	 */
	public static void verify(String secret, @Nullable String deliveryId, @Nullable String signature, byte[] body,
			Duration tolerance, Clock clock) {
		if (deliveryId == null || deliveryId.isEmpty()) {
			throw new Rejected(Reason.MISSING_DELIVERY_ID, "The " + DELIVERY_ID + " header is required");
		}
		if (!validDeliveryId(deliveryId)) {
			throw new Rejected(Reason.INVALID_DELIVERY_ID,
					DELIVERY_ID + " must be 1 to " + MAX_DELIVERY_ID_LENGTH + " visible ASCII characters");
		}
		if (signature == null || signature.isBlank()) {
			throw new Rejected(Reason.MISSING_SIGNATURE, "Missing " + SIGNATURE + " header");
		}
		Long timestamp = null;
		List<String> candidates = new ArrayList<>();
		for (String part : signature.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if ("t".equals(pair[0])) {
				if (timestamp != null || !pair[1].matches("[0-9]{1,18}")) {
					throw new Rejected(Reason.MALFORMED,
							"One numeric timestamp t=<epoch millis> is required in " + SIGNATURE);
				}
				timestamp = Long.parseLong(pair[1]);
			}
			else if ("v1".equals(pair[0])) {
				candidates.add(pair[1].strip().toLowerCase(Locale.ROOT));
			}
		}
		if (timestamp == null || candidates.isEmpty()) {
			throw new Rejected(Reason.MALFORMED, SIGNATURE + " must be t=<epoch millis>,v1=<hex HMAC-SHA256>");
		}
		String expected = hex(secret, deliveryId, timestamp, body);
		boolean matched = false;
		for (String candidate : candidates) {
			// No short cut: every candidate is compared, each in constant time.
			matched |= constantTimeEquals(expected, candidate);
		}
		if (!matched) {
			throw new Rejected(Reason.MISMATCH,
					"Signature does not match: v1 is the HMAC-SHA256 of '<" + DELIVERY_ID + ">.<t>.<raw body>'");
		}
		if (!fresh(timestamp, tolerance, clock)) {
			throw new Rejected(Reason.EXPIRED, "Signature timestamp is more than " + tolerance + " away from now");
		}
	}

	/**
	 * Compares two strings in time that depends on their lengths only, not on where they
	 * differ.
	 * @param expected the expected value
	 * @param actual the value received
	 * @return whether they are equal
	 */
	public static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether a signed timestamp is within a tolerance of now, either way: a signature
	 * dated in the future would otherwise stay replayable until then. Written so that no
	 * timestamp can overflow into "fresh".
	 * @param signedAtMillis the signed timestamp
	 * @param tolerance the tolerance
	 * @param clock now
	 * @return whether it is fresh
	 */
	public static boolean fresh(long signedAtMillis, Duration tolerance, Clock clock) {
		long now = clock.millis();
		return signedAtMillis >= now - tolerance.toMillis() && signedAtMillis <= now + tolerance.toMillis();
	}

	/**
	 * Whether a delivery id may be sent: 1 to {@value #MAX_DELIVERY_ID_LENGTH} visible
	 * ASCII characters (no whitespace or control characters, which headers would fold or
	 * drop).
	 * @param deliveryId the id
	 * @return whether it is valid
	 */
	public static boolean validDeliveryId(String deliveryId) {
		if (deliveryId.isEmpty() || deliveryId.length() > MAX_DELIVERY_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < deliveryId.length(); i++) {
			char c = deliveryId.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	private static String hex(String secret, String deliveryId, long timestampMillis, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((deliveryId + "." + timestampMillis + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", ex);
		}
	}

	/** Why a delivery was refused. */
	public enum Reason {

		/** No delivery id: the caller's mistake, not an authentication failure. */
		MISSING_DELIVERY_ID,

		/** A delivery id that is empty, too long, or not visible ASCII. */
		INVALID_DELIVERY_ID,

		/** No signature header. */
		MISSING_SIGNATURE,

		/** A signature header not of the form {@code t=...,v1=...}. */
		MALFORMED,

		/** No {@code v1} matches the delivery id, timestamp and body under the secret. */
		MISMATCH,

		/** The signature matches but its timestamp is outside the tolerance. */
		EXPIRED

	}

	/** A delivery that failed verification. */
	public static final class Rejected extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final Reason reason;

		Rejected(Reason reason, String message) {
			super(message);
			this.reason = reason;
		}

		/**
		 * Why.
		 * @return the reason
		 */
		public Reason reason() {
			return this.reason;
		}

	}

}
