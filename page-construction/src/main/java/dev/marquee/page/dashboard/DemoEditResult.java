package dev.marquee.page.dashboard;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A demo edit that ingestion accepted.
 *
 * @param pageId the page edited
 * @param slug its slug
 * @param heading the new hero heading
 * @param version the CMS version sent
 * @param deliveryId the {@code Marquee-Delivery-Id} sent
 * @param ingestionStatus ingestion's HTTP status
 * @param consistencyToken the token ingestion answered with (header, else body); a
 * preview carrying it waits for this write
 * @param ingestion ingestion's answer as it came
 */
record DemoEditResult(String pageId, String slug, String heading, long version, String deliveryId, int ingestionStatus,
		@Nullable String consistencyToken, JsonNode ingestion) {
}
