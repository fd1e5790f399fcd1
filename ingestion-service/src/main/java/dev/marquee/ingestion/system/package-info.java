/**
 * Ingestion's own problem exception.
 */
@NullMarked
package dev.marquee.ingestion.system;

import org.jspecify.annotations.NullMarked;
