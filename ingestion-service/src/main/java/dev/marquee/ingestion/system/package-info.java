/**
 * Ingestion's problem+json errors and request trace ids.
 */
@NullMarked
package dev.marquee.ingestion.system;

import org.jspecify.annotations.NullMarked;
