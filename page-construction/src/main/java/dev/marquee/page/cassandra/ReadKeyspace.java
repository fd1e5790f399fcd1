package dev.marquee.page.cassandra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.marquee.model.cassandra.KeyspaceReplication;

/**
 * The read keyspace's replication, for when page construction applies the read schema
 * before the data consumer has: the same {@code marquee.cassandra.replication} setting,
 * so whichever service is first creates it alike.
 *
 * @param replication {@code SimpleStrategy:1} on one node,
 * {@code NetworkTopologyStrategy:<dc>=3} on a cluster
 */
@ConfigurationProperties("marquee.cassandra")
record ReadKeyspace(@DefaultValue("SimpleStrategy:1") String replication) {

	KeyspaceReplication keyspaceReplication() {
		return KeyspaceReplication.parse(this.replication);
	}

}
