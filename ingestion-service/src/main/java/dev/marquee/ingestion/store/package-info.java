/**
 * The write-side store in Cassandra: raw CMS documents, delivery ids, the dependency index and the last rendered pages.
 */
@NullMarked
package dev.marquee.ingestion.store;

import org.jspecify.annotations.NullMarked;
