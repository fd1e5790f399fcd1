/**
 * The Kafka topics of the platform, declared once for every service that talks to Kafka.
 */
@NullMarked
package dev.marquee.support.kafka;

import org.jspecify.annotations.NullMarked;
