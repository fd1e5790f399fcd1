package dev.marquee.ingestion.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.DocumentState;
import dev.marquee.ingestion.content.StageVersion;
import dev.marquee.model.Stage;

/**
 * The CMS documents: their content per stage as mapped and as received
 * ({@code documents}), and what the integrity rules know of each, its owner and its
 * version per stage ({@code document_versions}).
 */
@Component
public class DocumentStore {

	private final CqlSession session;

	private final PreparedStatement selectVersion;

	private final PreparedStatement insertDocument;

	private final PreparedStatement deleteDocument;

	private final PreparedStatement selectDocument;

	private final PreparedStatement selectState;

	private final PreparedStatement upsertState;

	private final PreparedStatement selectDocumentSources;

	public DocumentStore(CqlSession session, WriteSchema schema) {
		// Raw prepared statements, bound directly and sent asynchronously: they are on a
		// webhook's path, where every request counts (package-info).
		this.session = session;
		this.selectVersion = session
			.prepare("SELECT version, removed FROM marquee_write.document_versions WHERE kind = ? AND id = ?");
		this.insertDocument = session.prepare("INSERT INTO marquee_write.documents "
				+ "(kind, id, stage, version, body, raw, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
		this.deleteDocument = session
			.prepare("DELETE FROM marquee_write.documents WHERE kind = ? AND id = ? AND stage = ?");
		this.selectDocument = session
			.prepare("SELECT version, body FROM marquee_write.documents WHERE kind = ? AND id = ? AND stage = ?");
		this.selectState = session.prepare("SELECT version, removed, owner, published_version, published_removed, "
				+ "preview_version, preview_removed FROM marquee_write.document_versions WHERE kind = ? AND id = ?");
		this.upsertState = session.prepare("INSERT INTO marquee_write.document_versions (kind, id, version, removed, "
				+ "owner, published_version, published_removed, preview_version, preview_removed) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
		this.selectDocumentSources = session
			.prepare("SELECT source FROM marquee_write.documents WHERE kind = ? AND id = ?");
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
	 * Everything the integrity rules need of a document: its owning source and its
	 * version per stage.
	 * @param type its type
	 * @param id its id
	 * @return the state, empty for a document never seen
	 */
	public CompletableFuture<Optional<DocumentState>> state(ContentType type, String id) {
		return this.session.executeAsync(this.selectState.bind(type.wireName(), id))
			.toCompletableFuture()
			.thenCompose((result) -> {
				Row row = result.one();
				if (row == null) {
					return CompletableFuture.completedFuture(Optional.empty());
				}
				if (row.getString("owner") == null) {
					return legacyState(type, id, row);
				}
				Map<Stage, StageVersion> stages = new EnumMap<>(Stage.class);
				if (!row.isNull("published_version")) {
					stages.put(Stage.PUBLISHED,
							new StageVersion(row.getLong("published_version"), row.getBoolean("published_removed")));
				}
				if (!row.isNull("preview_version")) {
					stages.put(Stage.PREVIEW,
							new StageVersion(row.getLong("preview_version"), row.getBoolean("preview_removed")));
				}
				return CompletableFuture.completedFuture(Optional.of(new DocumentState(row.getLong("version"),
						row.getBoolean("removed"), row.getString("owner"), stages)));
			});
	}

	// Written before owners and stage versions were kept: one version for the whole
	// document, and the owner is the source that stored its content.
	private CompletableFuture<Optional<DocumentState>> legacyState(ContentType type, String id, Row row) {
		long highest = row.getLong("version");
		boolean removed = row.getBoolean("removed");
		Map<Stage, StageVersion> stages = new EnumMap<>(Stage.class);
		stages.put(Stage.PUBLISHED, new StageVersion(highest, removed));
		stages.put(Stage.PREVIEW, new StageVersion(highest, removed));
		return StoreRequests.rows(this.session.executeAsync(this.selectDocumentSources.bind(type.wireName(), id)))
			.thenApply((sources) -> {
				String owner = sources.stream()
					.map((source) -> source.getString("source"))
					.filter(Objects::nonNull)
					.findFirst()
					.orElse(null);
				return Optional.of(new DocumentState(highest, removed, owner, stages));
			});
	}

	/**
	 * Records a document's state once the change that produced it was accepted by every
	 * write path.
	 * @param type its type
	 * @param id its id
	 * @param state the new state; its owner must be set
	 * @return the request
	 */
	public CompletableFuture<Void> saveState(ContentType type, String id, DocumentState state) {
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
		return this.session.executeAsync(insert.build()).toCompletableFuture().thenApply((result) -> null);
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
	 * @return the request: the stages are one partition, so one unlogged batch stores
	 * them all or none
	 * @see #saveState(ContentType, String, DocumentState) for the version, recorded once
	 * every path accepted the change, so a retry of a failed one is applied
	 */
	public CompletableFuture<Void> saveDocument(ContentType type, String id, Set<Stage> stages, long version,
			String body, String raw, String source) {
		List<BatchableStatement<?>> inserts = new ArrayList<>();
		Instant now = Instant.now();
		for (Stage stage : stages) {
			inserts.add(this.insertDocument.bind(type.wireName(), id, stage.name(), version, body, raw, source, now));
		}
		return StoreRequests.executeOnePartition(this.session, inserts);
	}

	/**
	 * Removes some stages of a document; its state records the removal's version.
	 * @param type its type
	 * @param id its id
	 * @param stages the stages removed
	 * @return the request (one partition: all stages or none)
	 */
	public CompletableFuture<Void> removeDocument(ContentType type, String id, Set<Stage> stages) {
		List<BatchableStatement<?>> deletes = new ArrayList<>();
		for (Stage stage : stages) {
			deletes.add(this.deleteDocument.bind(type.wireName(), id, stage.name()));
		}
		return StoreRequests.executeOnePartition(this.session, deletes);
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
		// A full scan: the write side holds thousands of pages, not millions, and this
		// runs on demand only.
		for (Row row : this.session
			.execute(WriteSchema.scan("SELECT DISTINCT kind, id FROM marquee_write.documents"))) {
			if (ContentType.PAGE.wireName().equals(row.getString("kind"))) {
				ids.add(row.getString("id"));
			}
		}
		return ids;
	}

	/**
	 * The highest version of a document seen.
	 *
	 * @param version the CMS version
	 * @param removed whether the document's last change removed it
	 */
	public record DocumentVersion(long version, boolean removed) {
	}

	/**
	 * One stage of a stored document.
	 *
	 * @param type its type
	 * @param id its id
	 * @param stage the stage
	 * @param version the CMS version
	 * @param body native-format fields (JSON)
	 */
	public record StoredDocument(ContentType type, String id, Stage stage, long version, String body) {
	}

}
