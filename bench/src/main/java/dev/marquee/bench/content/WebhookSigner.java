package dev.marquee.bench.content;

import dev.marquee.model.webhook.NativeWebhook;

/**
 * Signs deliveries with Marquee's native webhook signature ({@link NativeWebhook}: the
 * delivery id, the timestamp and the body), under one secret.
 */
public final class WebhookSigner {

	/**
	 * The local default secret of the native webhook; production sets
	 * MARQUEE_WEBHOOK_SECRET_MARQUEE.
	 */
	public static final String LOCAL_DEFAULT_SECRET = "local-marquee-webhook-secret";

	private final String secret;

	public WebhookSigner(String secret) {
		this.secret = secret;
	}

	/**
	 * Signs a delivery.
	 * @param deliveryId the {@code Marquee-Delivery-Id} that will be sent
	 * @param timestampMillis the signing time
	 * @param body the exact bytes that will be sent
	 * @return the {@code Marquee-Signature} header value
	 */
	public String sign(String deliveryId, long timestampMillis, byte[] body) {
		return NativeWebhook.sign(this.secret, deliveryId, timestampMillis, body);
	}

}
