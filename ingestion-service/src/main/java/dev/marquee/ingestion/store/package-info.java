/**
 * The write-side store in Cassandra, one class per thing it holds: deliveries, documents
 * and their versions, slug claims, the dependency index, rendered pages and render
 * problems; the schema is {@code write-schema.cql}.
 */
@NullMarked
package dev.marquee.ingestion.store;

import org.jspecify.annotations.NullMarked;
