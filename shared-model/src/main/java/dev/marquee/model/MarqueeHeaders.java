package dev.marquee.model;

/**
 * HTTP and Kafka header names every service agrees on.
 */
public final class MarqueeHeaders {

	/**
	 * Carries a {@link ConsistencyToken} from an ingestion answer to a preview request.
	 */
	public static final String CONSISTENCY_TOKEN = "Marquee-Consistency-Token";

	/**
	 * Names the read path that served a page: {@code HOLLOW} or {@code KAFKA_CASSANDRA}.
	 */
	public static final String READ_PATH = "Marquee-Read-Path";

	/** The content version of the page served. */
	public static final String CONTENT_VERSION = "Marquee-Content-Version";

	/** The trace id that follows a write from the webhook to the page build. */
	public static final String TRACE_ID = "Marquee-Trace-Id";

	/**
	 * The native webhook's de-duplication key; signed together with the body
	 * ({@link dev.marquee.model.webhook.NativeWebhook}).
	 */
	public static final String WEBHOOK_DELIVERY_ID = "Marquee-Delivery-Id";

	/**
	 * The native webhook's signature: {@code t=<epoch millis>,v1=<hex HMAC-SHA256>}
	 * ({@link dev.marquee.model.webhook.NativeWebhook}).
	 */
	public static final String WEBHOOK_SIGNATURE = "Marquee-Signature";

	private MarqueeHeaders() {
	}

}
