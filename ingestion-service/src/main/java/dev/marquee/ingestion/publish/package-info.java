/**
 * Publishing page changes to every enabled write path: the Kafka topic and the hollow
 * producer.
 */
@NullMarked
package dev.marquee.ingestion.publish;

import org.jspecify.annotations.NullMarked;
