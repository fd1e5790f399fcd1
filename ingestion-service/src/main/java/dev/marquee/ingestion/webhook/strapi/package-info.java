/**
 * {@code POST /webhooks/strapi}: Strapi 5's bearer-token webhook and its entries mapped
 * onto the native format.
 */
@NullMarked
package dev.marquee.ingestion.webhook.strapi;

import org.jspecify.annotations.NullMarked;
