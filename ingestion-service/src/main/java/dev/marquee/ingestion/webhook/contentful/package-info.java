/**
 * {@code POST /webhooks/contentful}: Contentful's signed-headers verification and its
 * entries mapped onto the native format.
 */
@NullMarked
package dev.marquee.ingestion.webhook.contentful;

import org.jspecify.annotations.NullMarked;
