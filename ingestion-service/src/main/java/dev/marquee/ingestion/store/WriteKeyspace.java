package dev.marquee.ingestion.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.marquee.model.cassandra.KeyspaceReplication;

/**
 * The write keyspace's replication: {@code SimpleStrategy:1} on one node,
 * {@code NetworkTopologyStrategy:<dc>=3} on a cluster (the same
 * {@code marquee.cassandra.replication} setting as the read keyspace's).
 *
 * @param replication see {@link KeyspaceReplication#parse(String)}
 */
@ConfigurationProperties("marquee.cassandra")
public record WriteKeyspace(@DefaultValue("SimpleStrategy:1") String replication) {

	KeyspaceReplication keyspaceReplication() {
		return KeyspaceReplication.parse(this.replication);
	}

}
