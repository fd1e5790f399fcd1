/**
 * Runs real Kafka and Cassandra servers from Maven Central jars as supervised local
 * processes, and the whole Marquee platform around them.
 */
package dev.marquee.infra;
