/**
 * Synthetic datasets of pages, titles, talent and assets as signed Marquee native webhook
 * deliveries.
 */
@NullMarked
package dev.marquee.bench.content;

import org.jspecify.annotations.NullMarked;
