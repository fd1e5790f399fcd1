package dev.marquee.ingestion.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.cassandra.Keyspaces;

/**
 * The write side of the CQRS split, in Cassandra keyspace {@value #KEYSPACE}: every CMS document as received
 * (raw) and as mapped (native fields) per stage, the highest version seen of each document (tombstones
 * included), delivery ids, the page ↔ title/talent/asset dependency index, the last rendered version of each
 * page and the pages whose re-render failed. Enough to regenerate every consumer-facing page on demand.
 */
@Component
public class WriteStore {

	/** The write-side keyspace. */
	public static final String KEYSPACE = "marquee_write";

	private static final Logger logger = LoggerFactory.getLogger(WriteStore.class);

	private static final int CONCURRENT_WRITES = 8;

	// Idempotent: every service start applies it.
	private static final List<String> SCHEMA = List.of("""
			CREATE TABLE IF NOT EXISTS marquee_write.documents (
				kind text, id text, stage text, version bigint, body text, raw text, source text,
				updated_at timestamp, PRIMARY KEY ((kind, id), stage))""", """
			CREATE TABLE IF NOT EXISTS marquee_write.document_versions (
				kind text, id text, version bigint, removed boolean, PRIMARY KEY ((kind, id)))""", """
			CREATE TABLE IF NOT EXISTS marquee_write.deliveries (
				source text, delivery_id text, received_at timestamp, outcome text,
				PRIMARY KEY ((source, delivery_id))) WITH default_time_to_live = 2592000""", """
			CREATE TABLE IF NOT EXISTS marquee_write.pages_by_dependency (
				dep_kind text, dep_id text, page_id text, PRIMARY KEY ((dep_kind, dep_id), page_id))""", """
			CREATE TABLE IF NOT EXISTS marquee_write.dependencies_by_page (
				page_id text, dep_kind text, dep_id text, PRIMARY KEY (page_id, dep_kind, dep_id))""", """
			CREATE TABLE IF NOT EXISTS marquee_write.rendered_pages (
				page_id text, stage text, slug text, content_version bigint, source_version bigint,
				removed boolean, page text, PRIMARY KEY (page_id, stage))""", """
			CREATE TABLE IF NOT EXISTS marquee_write.render_problems (
				page_id text, stage text, trigger text, problems list<text>, at timestamp,
				PRIMARY KEY (page_id, stage))""");

	private final CqlSession session;

	private final PreparedStatement selectDelivery;

	private final PreparedStatement insertDelivery;

	private final PreparedStatement selectVersion;

	private final PreparedStatement upsertVersion;

	private final PreparedStatement insertDocument;

	private final PreparedStatement deleteDocument;

	private final PreparedStatement selectDocument;

	private final PreparedStatement selectPagesByDependency;

	private final PreparedStatement selectDependenciesOfPage;

	private final PreparedStatement insertPageByDependency;

	private final PreparedStatement deletePageByDependency;

	private final PreparedStatement insertDependencyOfPage;

	private final PreparedStatement deleteDependencyOfPage;

	private final PreparedStatement selectRendered;

	private final PreparedStatement upsertRendered;

	private final PreparedStatement upsertProblem;

	private final PreparedStatement deleteProblem;

	public WriteStore(CqlSession session, WriteKeyspace keyspace) {
		this.session = session;
		// Created with the configured replication, never altered: a mismatch is logged as a warning.
		Keyspaces.ensure(session, KEYSPACE, keyspace.keyspaceReplication(), Duration.ofSeconds(60));
		for (String statement : SCHEMA) {
			// Schema changes wait for agreement and can be slow on a busy node; a request timeout is too short.
			session.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(60)));
		}
		logger.info("Write-side store ready in keyspace {}", KEYSPACE);
		this.selectDelivery = session
			.prepare("SELECT outcome FROM marquee_write.deliveries WHERE source = ? AND delivery_id = ?");
		this.insertDelivery = session.prepare(
				"INSERT INTO marquee_write.deliveries (source, delivery_id, received_at, outcome) VALUES (?, ?, ?, ?)");
		this.selectVersion = session
			.prepare("SELECT version, removed FROM marquee_write.document_versions WHERE kind = ? AND id = ?");
		this.upsertVersion = session
			.prepare("INSERT INTO marquee_write.document_versions (kind, id, version, removed) VALUES (?, ?, ?, ?)");
		this.insertDocument = session.prepare("INSERT INTO marquee_write.documents "
				+ "(kind, id, stage, version, body, raw, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
		this.deleteDocument = session
			.prepare("DELETE FROM marquee_write.documents WHERE kind = ? AND id = ? AND stage = ?");
		this.selectDocument = session.prepare(
				"SELECT version, body FROM marquee_write.documents WHERE kind = ? AND id = ? AND stage = ?");
		this.selectPagesByDependency = session
			.prepare("SELECT page_id FROM marquee_write.pages_by_dependency WHERE dep_kind = ? AND dep_id = ?");
		this.selectDependenciesOfPage = session
			.prepare("SELECT dep_kind, dep_id FROM marquee_write.dependencies_by_page WHERE page_id = ?");
		this.insertPageByDependency = session.prepare(
				"INSERT INTO marquee_write.pages_by_dependency (dep_kind, dep_id, page_id) VALUES (?, ?, ?)");
		this.deletePageByDependency = session.prepare(
				"DELETE FROM marquee_write.pages_by_dependency WHERE dep_kind = ? AND dep_id = ? AND page_id = ?");
		this.insertDependencyOfPage = session.prepare(
				"INSERT INTO marquee_write.dependencies_by_page (page_id, dep_kind, dep_id) VALUES (?, ?, ?)");
		this.deleteDependencyOfPage = session.prepare(
				"DELETE FROM marquee_write.dependencies_by_page WHERE page_id = ? AND dep_kind = ? AND dep_id = ?");
		this.selectRendered = session.prepare("SELECT slug, content_version, source_version, removed, page "
				+ "FROM marquee_write.rendered_pages WHERE page_id = ? AND stage = ?");
		this.upsertRendered = session.prepare("INSERT INTO marquee_write.rendered_pages "
				+ "(page_id, stage, slug, content_version, source_version, removed, page) VALUES (?, ?, ?, ?, ?, ?, ?)");
		this.upsertProblem = session.prepare("INSERT INTO marquee_write.render_problems "
				+ "(page_id, stage, trigger, problems, at) VALUES (?, ?, ?, ?, ?)");
		this.deleteProblem = session
			.prepare("DELETE FROM marquee_write.render_problems WHERE page_id = ? AND stage = ?");
	}

	/**
	 * Whether a delivery was already processed successfully.
	 * @param source the CMS
	 * @param deliveryId its delivery id
	 * @return true for a duplicate
	 */
	public boolean deliverySeen(String source, String deliveryId) {
		return this.session.execute(this.selectDelivery.bind(source, deliveryId)).one() != null;
	}

	/**
	 * Remembers a processed delivery; recorded only after success, so a retry of a failed one is processed.
	 * @param source the CMS
	 * @param deliveryId its delivery id
	 * @param outcome a short description for operators
	 */
	public void recordDelivery(String source, String deliveryId, String outcome) {
		this.session.execute(this.insertDelivery.bind(source, deliveryId, Instant.now(), outcome));
	}

	/**
	 * The highest CMS version seen of a document, removals included.
	 * @param type its type
	 * @param id its id
	 * @return the version, empty for a document never seen
	 */
	public Optional<DocumentVersion> version(ContentType type, String id) {
		Row row = this.session.execute(this.selectVersion.bind(type.wireName(), id)).one();
		return Optional.ofNullable(row).map((r) -> new DocumentVersion(r.getLong("version"), r.getBoolean("removed")));
	}

	/**
	 * Stores a document's new content for some stages.
	 * @param type its type
	 * @param id its id
	 * @param stages the stages it now has this content for
	 * @param version the CMS version
	 * @param body the native-format fields (JSON)
	 * @param raw the delivery as received
	 * @param source the CMS
	 */
	public void saveDocument(ContentType type, String id, Set<Stage> stages, long version, String body, String raw,
			String source) {
		BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
		Instant now = Instant.now();
		for (Stage stage : stages) {
			batch.addStatement(
					this.insertDocument.bind(type.wireName(), id, stage.name(), version, body, raw, source, now));
		}
		batch.addStatement(this.upsertVersion.bind(type.wireName(), id, version, false));
		this.session.execute(batch.build());
	}

	/**
	 * Removes some stages of a document, remembering the removal's version so older deliveries stay ignored.
	 * @param type its type
	 * @param id its id
	 * @param stages the stages removed
	 * @param version the version of the removal
	 */
	public void removeDocument(ContentType type, String id, Set<Stage> stages, long version) {
		BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
		for (Stage stage : stages) {
			batch.addStatement(this.deleteDocument.bind(type.wireName(), id, stage.name()));
		}
		batch.addStatement(this.upsertVersion.bind(type.wireName(), id, version, true));
		this.session.execute(batch.build());
	}

	/**
	 * A document's content for one stage.
	 * @param type its type
	 * @param id its id
	 * @param stage the stage
	 * @return the document, empty if it has no content for that stage
	 */
	public Optional<StoredDocument> document(ContentType type, String id, Stage stage) {
		Row row = this.session.execute(this.selectDocument.bind(type.wireName(), id, stage.name())).one();
		return Optional.ofNullable(row)
			.map((r) -> new StoredDocument(type, id, stage, r.getLong("version"), r.getString("body")));
	}

	/**
	 * Every page id that has a stored document, for regenerate-all.
	 * @return page ids
	 */
	public List<String> allPageIds() {
		List<String> ids = new ArrayList<>();
		// A full scan: the write side holds thousands of pages, not millions, and this runs on demand only.
		for (Row row : this.session.execute(scan("SELECT DISTINCT kind, id FROM marquee_write.documents"))) {
			if (ContentType.PAGE.wireName().equals(row.getString("kind"))) {
				ids.add(row.getString("id"));
			}
		}
		return ids;
	}

	/**
	 * The pages whose rendering used a document.
	 * @param type the document's type
	 * @param id its id
	 * @return page ids
	 */
	public List<String> pagesDependingOn(ContentType type, String id) {
		List<String> pages = new ArrayList<>();
		for (Row row : this.session.execute(this.selectPagesByDependency.bind(type.wireName(), id))) {
			pages.add(row.getString("page_id"));
		}
		return pages;
	}

	/**
	 * Replaces the documents a page depends on, writing only the difference: a page edit rarely changes what it
	 * uses, and rewriting dozens of index rows per edit was a large share of the write path's Cassandra work.
	 * @param pageId the page
	 * @param dependencies what its last rendering used
	 */
	public void replaceDependencies(String pageId, Set<Dependency> dependencies) {
		Set<Dependency> previous = dependenciesOf(pageId);
		List<BoundStatement> writes = new ArrayList<>();
		for (Dependency gone : previous) {
			if (!dependencies.contains(gone)) {
				writes.add(this.deletePageByDependency.bind(gone.type().wireName(), gone.id(), pageId));
				writes.add(this.deleteDependencyOfPage.bind(pageId, gone.type().wireName(), gone.id()));
			}
		}
		addMissing(pageId, dependencies, previous, writes);
		executeAll(writes);
	}

	/**
	 * Adds documents a page depends on, keeping the ones it had (a preview-only re-render must not drop what
	 * the published copy uses).
	 * @param pageId the page
	 * @param dependencies what a rendering used
	 */
	public void addDependencies(String pageId, Set<Dependency> dependencies) {
		List<BoundStatement> writes = new ArrayList<>();
		addMissing(pageId, dependencies, dependenciesOf(pageId), writes);
		executeAll(writes);
	}

	private Set<Dependency> dependenciesOf(String pageId) {
		Set<Dependency> dependencies = new HashSet<>();
		for (Row row : this.session.execute(this.selectDependenciesOfPage.bind(pageId))) {
			ContentType.fromWireName(row.getString("dep_kind"))
				.ifPresent((type) -> dependencies.add(new Dependency(type, row.getString("dep_id"))));
		}
		return dependencies;
	}

	private void addMissing(String pageId, Set<Dependency> dependencies, Set<Dependency> present,
			List<BoundStatement> writes) {
		for (Dependency dependency : dependencies) {
			if (!present.contains(dependency)) {
				// The reverse index first: a crash in between leaves an extra re-render, never a missed one.
				writes.add(this.insertPageByDependency.bind(dependency.type().wireName(), dependency.id(), pageId));
				writes.add(this.insertDependencyOfPage.bind(pageId, dependency.type().wireName(), dependency.id()));
			}
		}
	}

	// Independent idempotent writes, sent a window at a time and awaited together; the first failure is rethrown.
	// The window keeps a burst of new pages from exhausting the connection's in-flight request limit.
	private void executeAll(List<BoundStatement> writes) {
		for (int from = 0; from < writes.size(); from += CONCURRENT_WRITES) {
			List<CompletableFuture<AsyncResultSet>> pending = new ArrayList<>(CONCURRENT_WRITES);
			for (BoundStatement write : writes.subList(from, Math.min(writes.size(), from + CONCURRENT_WRITES))) {
				pending.add(this.session.executeAsync(write).toCompletableFuture());
			}
			try {
				CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}
	}

	/**
	 * The last rendered version of one stage of a page (or its removal).
	 * @param pageId the page
	 * @param stage the stage
	 * @return what was last published for it
	 */
	public Optional<RenderedPage> rendered(String pageId, Stage stage) {
		Row row = this.session.execute(this.selectRendered.bind(pageId, stage.name())).one();
		return Optional.ofNullable(row)
			.map((r) -> new RenderedPage(pageId, stage, r.getString("slug"), r.getLong("content_version"),
					r.getLong("source_version"), r.getBoolean("removed"), r.getString("page")));
	}

	/**
	 * Remembers a page version every write path accepted.
	 * @param page the page
	 * @param json the page as JSON
	 */
	public void saveRendered(Page page, String json) {
		this.session.execute(this.upsertRendered.bind(page.pageId(), page.stage().name(), page.slug(),
				page.contentVersion(), page.sourceVersion(), false, json));
	}

	/**
	 * Remembers the removal of a stage of a page every write path accepted.
	 * @param pageId the page
	 * @param stage the stage
	 * @param slug the slug it had
	 * @param contentVersion the removal's version
	 * @param sourceVersion the CMS version of the removal
	 */
	public void saveRemoved(String pageId, Stage stage, String slug, long contentVersion, long sourceVersion) {
		this.session
			.execute(this.upsertRendered.bind(pageId, stage.name(), slug, contentVersion, sourceVersion, true, null));
	}

	/**
	 * The highest content version ever published, so versions keep increasing across restarts.
	 * @return the version, 0 when nothing was published
	 */
	public long maxContentVersion() {
		long max = 0;
		for (Row row : this.session.execute(scan("SELECT content_version FROM marquee_write.rendered_pages"))) {
			max = Math.max(max, row.getLong("content_version"));
		}
		return max;
	}

	/**
	 * Lists a page whose re-render failed; its last good version stays live.
	 * @param pageId the page
	 * @param stage the stage
	 * @param trigger the change that caused the re-render
	 * @param problems what went wrong
	 */
	public void saveProblem(String pageId, Stage stage, String trigger, List<String> problems) {
		this.session.execute(this.upsertProblem.bind(pageId, stage.name(), trigger, problems, Instant.now()));
	}

	/**
	 * Clears a page's problem after it rendered again.
	 * @param pageId the page
	 * @param stage the stage
	 */
	public void clearProblem(String pageId, Stage stage) {
		this.session.execute(this.deleteProblem.bind(pageId, stage.name()));
	}

	/**
	 * Every page whose last re-render failed.
	 * @return the problems
	 */
	public List<RenderProblem> problems() {
		List<RenderProblem> problems = new ArrayList<>();
		for (Row row : this.session
			.execute(scan("SELECT page_id, stage, trigger, problems, at FROM marquee_write.render_problems"))) {
			problems.add(new RenderProblem(row.getString("page_id"), Stage.valueOf(row.getString("stage")),
					row.getString("trigger"), row.getList("problems", String.class), row.getInstant("at")));
		}
		return problems;
	}

	// Full-table scans read every partition: give them more than a point query's timeout.
	private static SimpleStatement scan(String cql) {
		return SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(30)).setPageSize(1000);
	}

	/**
	 * The highest version of a document seen.
	 * @param version the CMS version
	 * @param removed whether the document's last change removed it
	 */
	public record DocumentVersion(long version, boolean removed) {
	}

	/**
	 * One stage of a stored document.
	 * @param type its type
	 * @param id its id
	 * @param stage the stage
	 * @param version the CMS version
	 * @param body native-format fields (JSON)
	 */
	public record StoredDocument(ContentType type, String id, Stage stage, long version, String body) {
	}

	/**
	 * A document a page's rendering used.
	 * @param type its type
	 * @param id its id
	 */
	public record Dependency(ContentType type, String id) {
	}

	/**
	 * What was last published for one stage of a page.
	 * @param pageId the page
	 * @param stage the stage
	 * @param slug its slug
	 * @param contentVersion the content version published
	 * @param sourceVersion the CMS version it came from
	 * @param removed whether that was a removal
	 * @param json the page as JSON, null for a removal
	 */
	public record RenderedPage(String pageId, Stage stage, String slug, long contentVersion, long sourceVersion,
			boolean removed, @org.jspecify.annotations.Nullable String json) {
	}

	/**
	 * A page whose re-render failed.
	 * @param pageId the page
	 * @param stage the stage
	 * @param trigger the change that caused the re-render
	 * @param problems what went wrong
	 * @param at when
	 */
	public record RenderProblem(String pageId, Stage stage, String trigger, List<String> problems, Instant at) {
	}

}
