/**
 * The Kafka → Cassandra read path: the read tables the data consumer writes, read through
 * an in-process near cache modeled on Tudum's KVDAL near cache, plus applied watermarks
 * for read-after-write.
 */
@NullMarked
package dev.marquee.page.cassandra;

import org.jspecify.annotations.NullMarked;
