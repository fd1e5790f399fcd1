package dev.marquee.model.cassandra;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.model.ReadSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyspaceReplicationTests {

	@Test
	void singleNodeSettingIsSimpleStrategyWithOneReplica() {
		KeyspaceReplication replication = KeyspaceReplication.parse("SimpleStrategy:1");

		assertThat(replication).isEqualTo(KeyspaceReplication.SINGLE_NODE);
		assertThat(replication.cql()).isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
	}

	@Test
	void clusterSettingNamesAFactorPerDataCenter() {
		KeyspaceReplication replication = KeyspaceReplication.parse("NetworkTopologyStrategy:dc2=2, dc1=3");

		assertThat(replication.factors()).containsExactlyInAnyOrderEntriesOf(Map.of("dc1", 3, "dc2", 2));
		assertThat(replication.cql()).isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}");
		assertThat(KeyspaceReplication.parse(replication.toString())).isEqualTo(replication);
	}

	@Test
	void malformedSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyspaceReplication.parse("3"));
		assertThatIllegalArgumentException().isThrownBy(() -> KeyspaceReplication.parse("SimpleStrategy:0"));
		assertThatIllegalArgumentException().isThrownBy(() -> KeyspaceReplication.parse("Everywhere:dc1=3"));
		assertThatIllegalArgumentException().isThrownBy(() -> KeyspaceReplication.parse("NetworkTopologyStrategy:dc1"));
	}

	@Test
	void matchesTheReplicationCassandraReports() {
		KeyspaceReplication cluster = KeyspaceReplication.networkTopology("datacenter1", 3);

		assertThat(cluster
			.matches(Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "datacenter1", "3")))
			.isTrue();
		assertThat(cluster
			.matches(Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1")))
			.isFalse();
		assertThat(cluster
			.matches(Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "datacenter1", "1")))
			.isFalse();
		assertThat(KeyspaceReplication.SINGLE_NODE
			.matches(Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1")))
			.isTrue();
	}

	@Test
	void tableStatementsLeaveTheKeyspaceToTheConfiguredReplication() {
		assertThat(ReadSchema.statements().get(0)).startsWith("CREATE KEYSPACE IF NOT EXISTS marquee_read");
		assertThat(ReadSchema.tableStatements()).hasSize(ReadSchema.statements().size() - 1)
			.allMatch((statement) -> statement.startsWith("CREATE TABLE IF NOT EXISTS marquee_read.")
					|| statement.startsWith("ALTER TABLE marquee_read."))
			.noneMatch((statement) -> statement.contains("KEYSPACE"));
	}

}
