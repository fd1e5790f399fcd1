/**
 * The Kafka consumer group on the page-change topic: deserialization, error handling,
 * dead letters, lag and health.
 */
@NullMarked
package dev.marquee.consumer.stream;

import org.jspecify.annotations.NullMarked;
