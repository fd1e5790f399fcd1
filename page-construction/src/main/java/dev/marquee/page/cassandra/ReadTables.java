package dev.marquee.page.cassandra;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.ReadSchema;
import dev.marquee.model.Stage;
import dev.marquee.model.cassandra.Keyspaces;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.source.PageSummary;
import dev.marquee.page.source.SourceUnavailableException;

/**
 * Reads the Cassandra read tables ({@code marquee_read}) directly: the page row by slug
 * and stage, then its elements in order, the page listing, and the applied watermarks.
 * The session is resolved on first use, so page construction starts (and serves the
 * Hollow path) while Cassandra is down.
 */
@Component
class ReadTables {

	// A reader can land between the data consumer's (parallel) writes of the page row and
	// of its elements. The page row names its version's elements by their digest
	// (elements_sha256, over each element's body_sha256 in position order); element rows
	// that do not give that digest show a torn read, and a few re-reads see the finished
	// write. Rows written before the digest existed were all written at the page's
	// version, so there a write time that differs from it shows a torn read. A read still
	// torn after the retries is refused, never served.
	private static final int TORN_READ_RETRIES = 3;

	private static final Duration TORN_READ_PAUSE = Duration.ofMillis(5);

	private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

	private final ObjectProvider<CqlSession> sessions;

	private final Map<String, PreparedStatement> statements = new ConcurrentHashMap<>();

	private final ReadKeyspace keyspace;

	ReadTables(ObjectProvider<CqlSession> sessions, ReadKeyspace keyspace) {
		this.sessions = sessions;
		this.keyspace = keyspace;
	}

	/**
	 * Applies the read schema (idempotent; the data consumer may not have applied it
	 * yet).
	 */
	void applySchema() {
		CqlSession session = session();
		Keyspaces.ensure(session, ReadSchema.KEYSPACE, this.keyspace.keyspaceReplication(), SCHEMA_TIMEOUT);
		for (String statement : ReadSchema.tableStatements()) {
			// Schema changes wait for agreement between nodes and take far longer than
			// reads.
			session.execute(SimpleStatement.newInstance(statement).setTimeout(SCHEMA_TIMEOUT));
		}
	}

	Optional<Page> page(String slug, Stage stage) {
		try {
			for (int attempt = 0;; attempt++) {
				Row row = execute("SELECT page_id, template, title, summary, element_count, content_version, "
						+ "source_version, ingested_at, trace_id, elements_sha256 FROM marquee_read.page_by_slug "
						+ "WHERE slug = ? AND stage = ?", slug, stage.name())
					.one();
				if (row == null) {
					return Optional.empty();
				}
				String pageId = row.getString("page_id");
				long version = row.getLong("content_version");
				ByteBuffer digest = row.getByteBuffer("elements_sha256");
				List<Row> rows = new ArrayList<>();
				for (Row element : execute(
						"SELECT position, body, body_sha256, WRITETIME(body) AS written "
								+ "FROM marquee_read.elements_by_page WHERE page_id = ? AND stage = ?",
						pageId, stage.name())) {
					// A partition holding only its static columns (no elements) gives one
					// row
					// without a position.
					if (!element.isNull("position")) {
						rows.add(element);
					}
				}
				if (torn(rows, version, digest, row.getInt("element_count"))) {
					if (attempt < TORN_READ_RETRIES) {
						// The other half of the write is usually a moment behind.
						LockSupport.parkNanos(TORN_READ_PAUSE.multipliedBy(attempt).toNanos());
						continue;
					}
					String message = "the elements of page " + pageId + " v" + version
							+ " are not those its page row names (a write in progress)";
					throw new SourceUnavailableException(ReadPath.KAFKA_CASSANDRA, message,
							new IllegalStateException(message));
				}
				List<Element> elements = new ArrayList<>(rows.size());
				for (Row element : rows) {
					elements.add(MarqueeJson.mapper().readValue(element.getString("body"), Element.class));
				}
				Instant ingestedAt = row.getInstant("ingested_at");
				String traceId = row.getString("trace_id");
				return Optional.of(new Page(pageId, slug, stage, row.getString("template"), row.getString("title"),
						row.getString("summary"), elements, version, row.getLong("source_version"),
						(ingestedAt != null) ? ingestedAt : Instant.EPOCH, (traceId != null) ? traceId : ""));
			}
		}
		catch (DriverException ex) {
			throw unavailable(ex);
		}
	}

	/**
	 * Whether the page row still names the version held: then nothing else can have
	 * changed either, since a version's elements never change, and the caller need not
	 * read (and parse) them.
	 * @param slug the slug
	 * @param stage the stage
	 * @param pageId the page id held (e.g. by the near cache)
	 * @param contentVersion the version held
	 * @return true when the page row names that page at that version
	 */
	boolean unchanged(String slug, Stage stage, String pageId, long contentVersion) {
		Row row;
		try {
			row = execute("SELECT page_id, content_version FROM marquee_read.page_by_slug WHERE slug = ? AND stage = ?",
					slug, stage.name())
				.one();
		}
		catch (DriverException ex) {
			throw unavailable(ex);
		}
		return row != null && pageId.equals(row.getString("page_id"))
				&& row.getLong("content_version") == contentVersion;
	}

	/**
	 * Whether element rows are not (all of) the elements the page row names.
	 * @param rows the element rows in position order
	 * @param version the page row's version
	 * @param digest the page row's digest of its elements, null for rows written before
	 * it existed
	 * @param count the page row's element count
	 * @return true for a torn read
	 */
	static boolean torn(List<Row> rows, long version, @Nullable ByteBuffer digest, int count) {
		if (rows.size() != count) {
			return true;
		}
		if (digest == null) {
			for (Row element : rows) {
				if (element.getLong("written") != version) {
					return true;
				}
			}
			return false;
		}
		List<ByteBuffer> hashes = new ArrayList<>(rows.size());
		for (Row element : rows) {
			ByteBuffer hash = element.getByteBuffer("body_sha256");
			if (hash == null) {
				return true;
			}
			hashes.add(hash);
		}
		return !digest.equals(ReadSchema.elementsDigest(hashes));
	}

	List<String> slugs(Stage stage) {
		List<String> slugs = new ArrayList<>();
		try {
			for (Row row : execute("SELECT slug FROM marquee_read.pages_by_stage WHERE stage = ?", stage.name())) {
				slugs.add(row.getString("slug"));
			}
		}
		catch (DriverException ex) {
			throw unavailable(ex);
		}
		return slugs;
	}

	List<PageSummary> summaries(Stage stage) {
		List<PageSummary> pages = new ArrayList<>();
		try {
			for (Row row : execute(
					"SELECT slug, page_id, title, content_version FROM marquee_read.pages_by_stage WHERE stage = ?",
					stage.name())) {
				pages.add(new PageSummary(row.getString("page_id"), row.getString("slug"), row.getString("title"),
						row.getLong("content_version")));
			}
		}
		catch (DriverException ex) {
			throw unavailable(ex);
		}
		return pages;
	}

	/**
	 * @param topic the Kafka topic
	 * @return the highest offset the data consumer applied, per partition
	 */
	Map<Integer, Long> watermarks(String topic) {
		Map<Integer, Long> watermarks = new HashMap<>();
		try {
			for (Row row : execute(
					"SELECT partition, applied_offset FROM marquee_read.applied_watermarks WHERE topic = ?", topic)) {
				watermarks.put(row.getInt("partition"), row.getLong("applied_offset"));
			}
		}
		catch (DriverException ex) {
			throw unavailable(ex);
		}
		return watermarks;
	}

	/**
	 * @return the Cassandra release the node reports, to show in health
	 */
	String releaseVersion() {
		Row row = session().execute("SELECT release_version FROM system.local").one();
		return (row != null) ? String.valueOf(row.getString("release_version")) : "unknown";
	}

	private ResultSet execute(String cql, Object... values) {
		CqlSession session = session();
		PreparedStatement statement = this.statements.computeIfAbsent(cql, session::prepare);
		return session.execute(statement.bind(values));
	}

	private CqlSession session() {
		try {
			return this.sessions.getObject();
		}
		catch (RuntimeException ex) {
			throw new SourceUnavailableException(ReadPath.KAFKA_CASSANDRA,
					"Cassandra is unreachable: " + ex.getMessage(), ex);
		}
	}

	private static SourceUnavailableException unavailable(DriverException ex) {
		return new SourceUnavailableException(ReadPath.KAFKA_CASSANDRA, "Cassandra read failed: " + ex.getMessage(),
				ex);
	}

}
