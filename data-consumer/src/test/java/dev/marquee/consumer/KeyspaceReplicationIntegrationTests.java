package dev.marquee.consumer;

import java.time.Duration;
import java.util.Map;

import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;

import dev.marquee.model.ReadSchema;
import dev.marquee.model.cassandra.KeyspaceReplication;
import dev.marquee.model.cassandra.Keyspaces;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyspace creation on the real node: the configured replication is what Cassandra
 * reports, creation is idempotent, and an existing keyspace replicated differently is
 * left alone with a warning naming the fix.
 */
class KeyspaceReplicationIntegrationTests extends IntegrationTestSupport {

	private static final Duration DDL = Duration.ofSeconds(30);

	@Test
	void readKeyspaceHasTheConfiguredSingleNodeReplication() {
		assertThat(Keyspaces.mismatch(this.session, ReadSchema.KEYSPACE, KeyspaceReplication.SINGLE_NODE)).isEmpty();
	}

	@Test
	void existingKeyspaceWithOtherReplicationIsLeftAsItIsWithAWarning() {
		String keyspace = "marquee_replication_probe";
		KeyspaceReplication created = KeyspaceReplication.networkTopology("datacenter1", 1);
		assertThat(Keyspaces.ensure(this.session, keyspace, created, DDL)).isEmpty();
		assertThat(Keyspaces.ensure(this.session, keyspace, created, DDL)).as("idempotent").isEmpty();

		KeyspaceReplication configured = KeyspaceReplication.networkTopology("datacenter1", 3);
		assertThat(Keyspaces.ensure(this.session, keyspace, configured, DDL))
			.hasValueSatisfying((warning) -> assertThat(warning).contains(keyspace,
					"NetworkTopologyStrategy:datacenter1=3", "ALTER KEYSPACE " + keyspace));

		Row row = this.session
			.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = '" + keyspace + "'")
			.one();
		Map<String, String> replication = row.getMap("replication", String.class, String.class);
		assertThat(replication).containsEntry("datacenter1", "1");
	}

}
