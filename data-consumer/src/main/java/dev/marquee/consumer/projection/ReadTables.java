package dev.marquee.consumer.projection;

import java.time.Duration;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.marquee.consumer.DataConsumerProperties;
import dev.marquee.model.ReadSchema;
import dev.marquee.model.cassandra.KeyspaceReplication;
import dev.marquee.model.cassandra.Keyspaces;

/**
 * The read tables, created at startup from the shared {@link ReadSchema} (idempotent, so
 * page construction may apply it too). Every statement names its keyspace, so the session
 * needs none.
 */
@Component
public class ReadTables {

	private static final Logger logger = LoggerFactory.getLogger(ReadTables.class);

	/** Schema changes wait for agreement between nodes, which is slower than a write. */
	private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

	/** The tables a rebuild may truncate; the watermarks are not content and stay. */
	static final List<String> CONTENT_TABLES = List.of("page_by_slug", "elements_by_page", "element_by_id",
			"pages_by_stage");

	private final CqlSession session;

	private final StoredPages storedPages;

	ReadTables(CqlSession session, DataConsumerProperties properties, StoredPages storedPages) {
		this.session = session;
		this.storedPages = storedPages;
		KeyspaceReplication replication = properties.cassandra().keyspaceReplication();
		// Never altered when it exists (that needs a repair an operator runs); a mismatch
		// is logged as a warning.
		Keyspaces.ensure(session, ReadSchema.KEYSPACE, replication, DDL_TIMEOUT);
		List<String> statements = ReadSchema.tableStatements();
		for (String cql : statements) {
			session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
		}
		logger.info("Read schema applied: keyspace {} ({}), {} tables", ReadSchema.KEYSPACE, replication,
				statements.size());
	}

	CqlSession session() {
		return this.session;
	}

	/**
	 * Empties the content tables, for a rebuild from scratch. Pages are missing until the
	 * replay rewrites them.
	 */
	public void truncateContent() {
		// Before and after: an apply planned against what was remembered before the
		// truncation must not put it back (StoredPages' generation).
		this.storedPages.clear();
		for (String table : CONTENT_TABLES) {
			this.session.execute(SimpleStatement.newInstance("TRUNCATE " + ReadSchema.KEYSPACE + "." + table)
				.setTimeout(DDL_TIMEOUT));
		}
		this.storedPages.clear();
		logger.warn("Read tables truncated for a rebuild: {}", CONTENT_TABLES);
	}

}
