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
 * HMAC-SHA256 for the CMS signature schemes; comparison and freshness are the native
 * contract's.
 */
public final class Hmac {

	private Hmac() {
	}

	public static byte[] sha256(String secret, byte[]... parts) {
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

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static boolean equal(String expected, String actual) {
		return NativeWebhook.constantTimeEquals(expected, actual);
	}

	/**
	 * Whether a signed timestamp is within a tolerance of now, either way
	 * ({@link NativeWebhook#fresh}).
	 */
	public static boolean fresh(long signedAtMillis, Duration tolerance, Clock clock) {
		return NativeWebhook.fresh(signedAtMillis, tolerance, clock);
	}

	public static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
