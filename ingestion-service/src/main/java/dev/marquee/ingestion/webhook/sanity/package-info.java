/**
 * {@code POST /webhooks/sanity}: Sanity's webhook signature and its GROQ-projected
 * documents mapped onto the native format.
 */
@NullMarked
package dev.marquee.ingestion.webhook.sanity;

import org.jspecify.annotations.NullMarked;
