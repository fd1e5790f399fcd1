/**
 * HTTP clients of the running platform: signed webhooks, page and preview reads,
 * Prometheus scrapes.
 */
@NullMarked
package dev.marquee.bench.platform;

import org.jspecify.annotations.NullMarked;
