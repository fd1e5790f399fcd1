package dev.marquee.model;

import java.util.List;

import dev.marquee.model.cassandra.CqlScript;

/**
 * The Cassandra read tables of the Kafka → Cassandra path. The data consumer writes them,
 * page construction reads them; both apply the same CQL
 * ({@code dev/marquee/model/cassandra/read-schema.cql}).
 */
public final class ReadSchema {

	/** The keyspace of the read tables. */
	public static final String KEYSPACE = "marquee_read";

	private ReadSchema() {
	}

	/**
	 * The schema's statements, each idempotent ({@code IF NOT EXISTS}), in the order to
	 * run them: the keyspace with the single-node replication ({@code SimpleStrategy} 1),
	 * then the tables. A cluster creates the keyspace with its configured replication
	 * instead ({@code dev.marquee.model.cassandra.Keyspaces}) and then runs
	 * {@link #tableStatements()}.
	 * @return CQL statements without their trailing semicolons
	 */
	public static List<String> statements() {
		return CqlScript.statements(ReadSchema.class, "cassandra/read-schema.cql");
	}

	/**
	 * The tables only, for a keyspace created with its configured replication.
	 * @return CQL statements without their trailing semicolons
	 */
	public static List<String> tableStatements() {
		return statements().stream().filter((statement) -> !statement.startsWith("CREATE KEYSPACE")).toList();
	}

}
