/**
 * Real Kafka and Cassandra for integration tests, with or without Docker.
 */
package dev.marquee.testsupport;
