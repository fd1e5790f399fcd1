/**
 * Cassandra read tables: schema, idempotent versioned writes and applied watermarks.
 */
@NullMarked
package dev.marquee.consumer.projection;

import org.jspecify.annotations.NullMarked;
