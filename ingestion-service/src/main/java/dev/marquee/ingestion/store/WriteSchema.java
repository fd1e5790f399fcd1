package dev.marquee.ingestion.store;

import java.time.Duration;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.model.cassandra.CqlScript;
import dev.marquee.model.cassandra.Keyspaces;

/**
 * The write-side keyspace {@value #KEYSPACE} and its tables ({@code write-schema.cql}
 * beside this class), applied at every start before any store prepares its statements:
 * every store takes this bean in its constructor.
 */
@Component
public class WriteSchema {

	/** The write-side keyspace. */
	public static final String KEYSPACE = "marquee_write";

	private static final Logger logger = LoggerFactory.getLogger(WriteSchema.class);

	// Schema changes wait for agreement and can be slow on a busy node; a request timeout
	// is too short.
	private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);

	WriteSchema(CqlSession session, WriteKeyspace keyspace) {
		// Created with the configured replication, never altered: a mismatch is logged as
		// a warning.
		Keyspaces.ensure(session, KEYSPACE, keyspace.keyspaceReplication(), SCHEMA_TIMEOUT);
		for (String statement : statements()) {
			session.execute(SimpleStatement.newInstance(statement).setTimeout(SCHEMA_TIMEOUT));
		}
		logger.info("Write-side store ready in keyspace {}", KEYSPACE);
	}

	/**
	 * The tables, each statement idempotent.
	 * @return CQL statements in the order to run them
	 */
	static List<String> statements() {
		return CqlScript.statements(WriteSchema.class, "write-schema.cql");
	}

	// Full-table scans read every partition: give them more than a point query's timeout.
	static SimpleStatement scan(String cql) {
		return SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(30)).setPageSize(1000);
	}

}
