/**
 * Webhook endpoints for Marquee's native format, Contentful, Sanity and Strapi: signatures, parsing and mapping.
 */
@NullMarked
package dev.marquee.ingestion.webhook;

import org.jspecify.annotations.NullMarked;
