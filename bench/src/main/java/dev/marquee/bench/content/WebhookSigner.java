package dev.marquee.bench.content;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Marquee's native webhook signature (CONVENTIONS.md): {@code t=<epoch millis>,v1=<lower-case hex
 * HMAC-SHA256(secret, "<t>." + raw body)>}.
 */
public final class WebhookSigner {

	/** The local default secret of the native webhook; production sets MARQUEE_WEBHOOK_SECRET_MARQUEE. */
	public static final String LOCAL_DEFAULT_SECRET = "local-marquee-webhook-secret";

	private final SecretKeySpec key;

	public WebhookSigner(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * Signs a body.
	 * @param timestampMillis the signing time
	 * @param body the exact bytes that will be sent
	 * @return the {@code Marquee-Signature} header value
	 */
	public String sign(long timestampMillis, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update((timestampMillis + ".").getBytes(StandardCharsets.UTF_8));
			return "t=" + timestampMillis + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
