/**
 * The data consumer service: Kafka page changes in, versioned Cassandra read tables out.
 */
@NullMarked
package dev.marquee.consumer;

import org.jspecify.annotations.NullMarked;
