/**
 * Generators of sample and synthetic content in Marquee's native webhook format, free of
 * Spring.
 */
@NullMarked
package dev.marquee.ingestion.sample;

import org.jspecify.annotations.NullMarked;
