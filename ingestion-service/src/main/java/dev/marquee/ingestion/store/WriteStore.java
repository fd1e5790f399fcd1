package dev.marquee.ingestion.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.jspecify.annotations.Nullable;
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
				PRIMARY KEY (page_id, stage))""",
			// Content integrity: the hash of each delivery's body (a reused delivery id is told from a retry), the
			// owning source and the version per stage of each document, and one owner per slug and stage.
			"ALTER TABLE marquee_write.deliveries ADD IF NOT EXISTS body_sha256 text",
			"ALTER TABLE marquee_write.document_versions ADD IF NOT EXISTS owner text",
			"ALTER TABLE marquee_write.document_versions ADD IF NOT EXISTS published_version bigint",
			"ALTER TABLE marquee_write.document_versions ADD IF NOT EXISTS published_removed boolean",
			"ALTER TABLE marquee_write.document_versions ADD IF NOT EXISTS preview_version bigint",
			"ALTER TABLE marquee_write.document_versions ADD IF NOT EXISTS preview_removed boolean", """
			CREATE TABLE IF NOT EXISTS marquee_write.slug_claims (
				stage text, slug text, page_id text, PRIMARY KEY ((stage, slug)))""", """
			CREATE TABLE IF NOT EXISTS marquee_write.slug_claims_by_page (
				page_id text, stage text, slug text, PRIMARY KEY (page_id, stage, slug))""");

	private final CqlSession session;

	private final PreparedStatement selectDelivery;

	private final PreparedStatement insertDelivery;

	private final PreparedStatement selectVersion;

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

	private final PreparedStatement selectState;

	private final PreparedStatement upsertState;

	private final PreparedStatement selectDocumentSources;

	private final PreparedStatement selectSlugOwner;

	private final PreparedStatement claimSlug;

	private final PreparedStatement releaseSlug;

	private final PreparedStatement insertClaimOfPage;

	private final PreparedStatement deleteClaimOfPage;

	private final PreparedStatement selectClaimsOfPage;

	public WriteStore(CqlSession session, WriteKeyspace keyspace) {
		this.session = session;
		// Created with the configured replication, never altered: a mismatch is logged as a warning.
		Keyspaces.ensure(session, KEYSPACE, keyspace.keyspaceReplication(), Duration.ofSeconds(60));
		for (String statement : SCHEMA) {
			// Schema changes wait for agreement and can be slow on a busy node; a request timeout is too short.
			session.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(60)));
		}
		logger.info("Write-side store ready in keyspace {}", KEYSPACE);
		this.selectDelivery = session.prepare(
				"SELECT outcome, body_sha256 FROM marquee_write.deliveries WHERE source = ? AND delivery_id = ?");
		this.insertDelivery = session.prepare("INSERT INTO marquee_write.deliveries "
				+ "(source, delivery_id, received_at, outcome, body_sha256) VALUES (?, ?, ?, ?, ?)");
		this.selectVersion = session
			.prepare("SELECT version, removed FROM marquee_write.document_versions WHERE kind = ? AND id = ?");
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
		this.selectState = session.prepare("SELECT version, removed, owner, published_version, published_removed, "
				+ "preview_version, preview_removed FROM marquee_write.document_versions WHERE kind = ? AND id = ?");
		this.upsertState = session.prepare("INSERT INTO marquee_write.document_versions (kind, id, version, removed, "
				+ "owner, published_version, published_removed, preview_version, preview_removed) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
		this.selectDocumentSources = session
			.prepare("SELECT source FROM marquee_write.documents WHERE kind = ? AND id = ?");
		this.selectSlugOwner = session
			.prepare("SELECT page_id FROM marquee_write.slug_claims WHERE stage = ? AND slug = ?");
		this.claimSlug = session.prepare(
				"INSERT INTO marquee_write.slug_claims (stage, slug, page_id) VALUES (?, ?, ?) IF NOT EXISTS");
		this.releaseSlug = session
			.prepare("DELETE FROM marquee_write.slug_claims WHERE stage = ? AND slug = ? IF page_id = ?");
		this.insertClaimOfPage = session
			.prepare("INSERT INTO marquee_write.slug_claims_by_page (page_id, stage, slug) VALUES (?, ?, ?)");
		this.deleteClaimOfPage = session
			.prepare("DELETE FROM marquee_write.slug_claims_by_page WHERE page_id = ? AND stage = ? AND slug = ?");
		this.selectClaimsOfPage = session
			.prepare("SELECT slug FROM marquee_write.slug_claims_by_page WHERE page_id = ? AND stage = ?");
	}

	/**
	 * A delivery already processed successfully.
	 * @param source the CMS
	 * @param deliveryId its delivery id
	 * @return what was recorded of it, empty when it was never processed
	 */
	public Optional<SeenDelivery> delivery(String source, String deliveryId) {
		Row row = this.session.execute(this.selectDelivery.bind(source, deliveryId)).one();
		return Optional.ofNullable(row)
			.map((r) -> new SeenDelivery(r.getString("outcome"), r.getString("body_sha256")));
	}

	/**
	 * Remembers a processed delivery; recorded only after success, so a retry of a failed one is processed.
	 * @param source the CMS
	 * @param deliveryId its delivery id
	 * @param outcome a short description for operators
	 * @param bodySha256 the hex SHA-256 of the delivery's body, so the same id with another body is told apart
	 */
	public void recordDelivery(String source, String deliveryId, String outcome, String bodySha256) {
		this.session.execute(this.insertDelivery.bind(source, deliveryId, Instant.now(), outcome, bodySha256));
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
	 * Everything the integrity rules need of a document: its owning source and its version per stage.
	 * @param type its type
	 * @param id its id
	 * @return the state, empty for a document never seen
	 */
	public Optional<DocumentState> state(ContentType type, String id) {
		Row row = this.session.execute(this.selectState.bind(type.wireName(), id)).one();
		if (row == null) {
			return Optional.empty();
		}
		long highest = row.getLong("version");
		boolean removed = row.getBoolean("removed");
		String owner = row.getString("owner");
		Map<Stage, StageVersion> stages = new EnumMap<>(Stage.class);
		if (owner == null) {
			// Written before owners and stage versions were kept: one version for the whole document, and the
			// owner is the source that stored its content.
			stages.put(Stage.PUBLISHED, new StageVersion(highest, removed));
			stages.put(Stage.PREVIEW, new StageVersion(highest, removed));
			for (Row source : this.session.execute(this.selectDocumentSources.bind(type.wireName(), id))) {
				if (source.getString("source") != null) {
					owner = source.getString("source");
					break;
				}
			}
		}
		else {
			if (!row.isNull("published_version")) {
				stages.put(Stage.PUBLISHED,
						new StageVersion(row.getLong("published_version"), row.getBoolean("published_removed")));
			}
			if (!row.isNull("preview_version")) {
				stages.put(Stage.PREVIEW,
						new StageVersion(row.getLong("preview_version"), row.getBoolean("preview_removed")));
			}
		}
		return Optional.of(new DocumentState(highest, removed, owner, stages));
	}

	/**
	 * Records a document's state once the change that produced it was accepted by every write path.
	 * @param type its type
	 * @param id its id
	 * @param state the new state; its owner must be set
	 */
	public void saveState(ContentType type, String id, DocumentState state) {
		BoundStatementBuilder insert = this.upsertState.boundStatementBuilder()
			.setString(0, type.wireName())
			.setString(1, id)
			.setLong(2, state.highest())
			.setBoolean(3, state.removed())
			.setString(4, Objects.requireNonNull(state.owner(), "owner"));
		StageVersion published = state.stages().get(Stage.PUBLISHED);
		if (published != null) {
			insert.setLong(5, published.version()).setBoolean(6, published.removed());
		}
		StageVersion preview = state.stages().get(Stage.PREVIEW);
		if (preview != null) {
			insert.setLong(7, preview.version()).setBoolean(8, preview.removed());
		}
		this.session.execute(insert.build());
	}

	/**
	 * The page that holds a slug in a stage.
	 * @param stage the stage
	 * @param slug the slug
	 * @return the owning page, empty when the slug is free
	 */
	public Optional<String> slugOwner(Stage stage, String slug) {
		// A plain read, not a serial one: it only spares the transaction when the page already holds its slug. Only
		// the holder releases a claim (under its page lock), so a stale "free" just leads to the transaction, which
		// tells the truth, and a stale "taken" to a 409 the CMS retries.
		Row row = this.session.execute(this.selectSlugOwner.bind(stage.name(), slug)).one();
		return Optional.ofNullable(row).map((r) -> r.getString("page_id"));
	}

	/**
	 * Claims a slug of a stage for a page, unless another page holds it. The claim is a lightweight transaction
	 * ({@code IF NOT EXISTS}), so two claimants never both win, whichever instance or thread they run on.
	 * @param stage the stage
	 * @param slug the slug
	 * @param pageId the claimant
	 * @return the other page holding the slug; empty when the claimant holds it now (or already did)
	 */
	public Optional<String> claimSlug(Stage stage, String slug, String pageId) {
		// The page's index row first: a crash in between leaves an index entry for a claim not held, which a release
		// of it ignores, never a claim the page cannot find to release.
		this.session.execute(this.insertClaimOfPage.bind(pageId, stage.name(), slug));
		Row result = this.session.execute(this.claimSlug.bind(stage.name(), slug, pageId)).one();
		if (result == null || result.getBoolean("[applied]")) {
			return Optional.empty();
		}
		String holder = result.getString("page_id");
		return (holder == null || holder.equals(pageId)) ? Optional.empty() : Optional.of(holder);
	}

	/**
	 * Releases a page's claim of a slug; a claim held by another page stays.
	 * @param stage the stage
	 * @param slug the slug
	 * @param pageId the page releasing it
	 */
	public void releaseSlug(Stage stage, String slug, String pageId) {
		this.session.execute(this.releaseSlug.bind(stage.name(), slug, pageId));
		this.session.execute(this.deleteClaimOfPage.bind(pageId, stage.name(), slug));
	}

	/**
	 * The slugs a page has claimed in a stage (normally one; more only while a rename is under way or after a
	 * failed one).
	 * @param pageId the page
	 * @param stage the stage
	 * @return the slugs
	 */
	public List<String> slugsClaimedBy(String pageId, Stage stage) {
		List<String> slugs = new ArrayList<>();
		for (Row row : this.session.execute(this.selectClaimsOfPage.bind(pageId, stage.name()))) {
			slugs.add(row.getString("slug"));
		}
		return slugs;
	}

	/**
	 * Claims the slug of every page stage published before slug claims existed, once: when no claim is stored
	 * yet. Where two pages already shared a slug, the first one read keeps it and the other is logged; its next
	 * publish or re-render is refused until it moves to a free slug.
	 * @return the number of claims made
	 */
	public int claimPublishedSlugs() {
		if (this.session.execute(scan("SELECT stage FROM marquee_write.slug_claims LIMIT 1")).one() != null) {
			return 0;
		}
		int claimed = 0;
		for (Row row : this.session
			.execute(scan("SELECT page_id, stage, slug, removed FROM marquee_write.rendered_pages"))) {
			if (row.getBoolean("removed") || row.getString("slug") == null) {
				continue;
			}
			Stage stage = Stage.valueOf(row.getString("stage"));
			String pageId = row.getString("page_id");
			Optional<String> other = claimSlug(stage, row.getString("slug"), pageId);
			if (other.isPresent()) {
				logger.warn("Pages {} and {} both hold slug {} ({}); {} keeps it", other.get(), pageId,
						row.getString("slug"), stage, other.get());
			}
			else {
				claimed++;
			}
		}
		return claimed;
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
	 * @see #saveState(ContentType, String, DocumentState) for the version, recorded once every path accepted the
	 * change, so a retry of a failed one is applied
	 */
	public void saveDocument(ContentType type, String id, Set<Stage> stages, long version, String body, String raw,
			String source) {
		BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
		Instant now = Instant.now();
		for (Stage stage : stages) {
			batch.addStatement(
					this.insertDocument.bind(type.wireName(), id, stage.name(), version, body, raw, source, now));
		}
		this.session.execute(batch.build());
	}

	/**
	 * Removes some stages of a document; its state records the removal's version.
	 * @param type its type
	 * @param id its id
	 * @param stages the stages removed
	 */
	public void removeDocument(ContentType type, String id, Set<Stage> stages) {
		BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
		for (Stage stage : stages) {
			batch.addStatement(this.deleteDocument.bind(type.wireName(), id, stage.name()));
		}
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
	 * A delivery processed before.
	 * @param outcome what it did, for operators
	 * @param bodySha256 the hex SHA-256 of its body; null when recorded before body hashes were kept
	 */
	public record SeenDelivery(@Nullable String outcome, @Nullable String bodySha256) {
	}

	/**
	 * What the integrity rules know of a document.
	 * @param highest the highest CMS version seen, removals included
	 * @param removed whether every stage it has is removed
	 * @param owner the source that created it (null only for one never written)
	 * @param stages the version of each stage it has had content or a removal for
	 */
	public record DocumentState(long highest, boolean removed, @Nullable String owner,
			Map<Stage, StageVersion> stages) {

		public DocumentState {
			stages = stages.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stages));
		}

	}

	/**
	 * The version of one stage of a document.
	 * @param version the CMS version last applied to the stage (for a removal: the version it records)
	 * @param removed whether that was a removal
	 */
	public record StageVersion(long version, boolean removed) {
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
			boolean removed, @Nullable String json) {
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
