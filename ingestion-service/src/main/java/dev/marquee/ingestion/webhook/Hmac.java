package dev.marquee.ingestion.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.marquee.model.webhook.NativeWebhook;

/**
 * HMAC-SHA256 for the CMS signature schemes; comparison and freshness are the native contract's.
 */
final class Hmac {

	private Hmac() {
	}

	static byte[] sha256(String secret, byte[]... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean equal(String expected, String actual) {
		return NativeWebhook.constantTimeEquals(expected, actual);
	}

	/** Whether a signed timestamp is within a tolerance of now, either way ({@link NativeWebhook#fresh}). */
	static boolean fresh(long signedAtMillis, Duration tolerance, Clock clock) {
		return NativeWebhook.fresh(signedAtMillis, tolerance, clock);
	}

	static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
