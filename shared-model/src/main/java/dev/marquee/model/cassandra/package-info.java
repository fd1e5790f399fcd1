/**
 * Cassandra keyspaces shared by the services: configurable replication and idempotent
 * creation that tells the operator when an existing keyspace is replicated differently.
 */
@org.jspecify.annotations.NullMarked
package dev.marquee.model.cassandra;
