package dev.marquee.ingestion.content;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One verified webhook delivery, mapped from its CMS's format onto Marquee's native one.
 *
 * @param source the CMS it came from ({@code marquee}, {@code contentful},
 * {@code sanity}, {@code strapi})
 * @param deliveryId the de-duplication key of the delivery
 * @param type the document's content type
 * @param documentId the document's id
 * @param version the CMS's own version of the document; null when the delivery carries
 * none (the stored version is then reused)
 * @param action what the CMS did
 * @param fields the document's fields in Marquee's native shape; null for removals
 * @param raw the delivery's body as received, kept in the write-side store
 * @param traceId the trace id of the request
 */
public record IncomingChange(String source, String deliveryId, ContentType type, String documentId,
		@Nullable Long version, Action action, @Nullable JsonNode fields, String raw, String traceId) {

	/**
	 * The longest document id, slug or element id accepted: ids key every store and the
	 * Kafka topic and travel back in the consistency-token header, so longer ones are
	 * mistakes or attacks.
	 */
	public static final int MAX_ID_LENGTH = 200;

}
