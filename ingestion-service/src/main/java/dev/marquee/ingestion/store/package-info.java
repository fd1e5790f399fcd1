/**
 * The write-side store in Cassandra, one class per thing it holds: deliveries, documents
 * and their versions, slug claims, the dependency index, rendered pages and render
 * problems; the schema is {@code write-schema.cql}. A webhook's statements are prepared
 * once and sent asynchronously ({@link dev.marquee.ingestion.store.StoreRequests}), as
 * independent requests must not wait for each other; scans at startup use
 * {@code CqlTemplate}.
 */
@NullMarked
package dev.marquee.ingestion.store;

import org.jspecify.annotations.NullMarked;
