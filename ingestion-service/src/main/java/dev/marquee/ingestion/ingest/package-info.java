/**
 * The ingestion use case: de-duplicates a verified change, applies the version and
 * integrity rules under the page and catalog locks, renders every page it touches
 * (fan-out) and publishes them; it answers in domain exceptions, never in HTTP.
 */
@NullMarked
package dev.marquee.ingestion.ingest;

import org.jspecify.annotations.NullMarked;
