package dev.marquee.model.cassandra;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * Creates a keyspace idempotently with the configured replication. An existing keyspace
 * is never altered: changing replication needs a repair (more replicas) or a decommission
 * plan (fewer) that an operator must run, so a mismatch is logged as a warning with the
 * statement to run, and the service goes on with what exists.
 */
public final class Keyspaces {

	private static final Logger logger = Logger.getLogger(Keyspaces.class.getName());

	private Keyspaces() {
	}

	/**
	 * Creates the keyspace if it does not exist, and warns if it exists with another
	 * replication.
	 * @param session the session
	 * @param keyspace the keyspace name
	 * @param replication the configured replication
	 * @param timeout how long the schema change may take (schema agreement between nodes
	 * is slow)
	 * @return the warning, if the existing keyspace's replication differs from the
	 * configured one
	 */
	public static Optional<String> ensure(CqlSession session, String keyspace, KeyspaceReplication replication,
			Duration timeout) {
		session.execute(SimpleStatement
			.newInstance("CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication.cql())
			.setTimeout(timeout));
		Optional<String> mismatch = mismatch(session, keyspace, replication);
		mismatch.ifPresent((warning) -> logger.log(Level.WARNING, warning));
		return mismatch;
	}

	/**
	 * @param session the session
	 * @param keyspace the keyspace name
	 * @param replication the configured replication
	 * @return a warning naming both replications and the fix, if the keyspace exists with
	 * another one
	 */
	public static Optional<String> mismatch(CqlSession session, String keyspace, KeyspaceReplication replication) {
		Row row = session
			.execute(SimpleStatement
				.newInstance("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace))
			.one();
		if (row == null) {
			return Optional.empty();
		}
		Map<String, String> existing = row.getMap("replication", String.class, String.class);
		if (existing == null || replication.matches(existing)) {
			return Optional.empty();
		}
		return Optional.of("Keyspace " + keyspace + " exists with replication " + existing + " but " + replication
				+ " is configured; it is left as it is. To change it run ALTER KEYSPACE " + keyspace
				+ " WITH replication = " + replication.cql()
				+ "; then nodetool repair (more replicas) or cleanup (fewer) on every node");
	}

}
