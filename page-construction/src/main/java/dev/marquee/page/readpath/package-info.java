/**
 * The runtime switch between the Hollow and the Kafka → Cassandra read paths, persisted
 * across restarts.
 */
@NullMarked
package dev.marquee.page.readpath;

import org.jspecify.annotations.NullMarked;
