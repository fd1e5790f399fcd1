package dev.marquee.consumer.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;

import org.springframework.stereotype.Component;

import dev.marquee.consumer.projection.ElementRows.Encoded;
import dev.marquee.consumer.projection.ElementRows.Plan;
import dev.marquee.consumer.projection.ElementRows.Stored;
import dev.marquee.consumer.projection.ElementRows.StoredElement;
import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;

/**
 * Applies a {@link PageChanged} to the read tables as idempotent, versioned writes: every
 * cell is written {@code USING TIMESTAMP contentVersion}, so applying a change twice, out
 * of order, or during a replay never lets an older version win over a newer one, in any
 * replica or compaction.
 *
 * <p>
 * An upsert replaces whole partitions: it deletes the page's element partition and its
 * slug row at {@code version - 1} and writes the new content at {@code version}, in one
 * unlogged single-partition batch each. The tombstone shadows everything older (removed
 * elements, a summary that became empty), yet loses to the new cells, because Cassandra
 * lets a tombstone win only over cells with a timestamp no greater than its own. No null
 * is ever bound: an absent optional value stays unset, so no tombstone cell is written
 * for it.
 *
 * <p>
 * {@code element_by_id} (one partition per element) is where the round trips were: only
 * the rows a version changed are written, and those it dropped deleted, decided by
 * {@link ElementRows} against the stored previous version. A change costs one read, then
 * at most two waves of concurrent writes (changed element rows, then one statement or
 * single-partition batch per other table), each awaited before the next, and the
 * listener's watermark write; the element bodies are serialized once and bound as bytes.
 */
@Component
public class ReadModelProjection {

	private final CqlSession session;

	private final PreparedStatement deletePageBySlug;

	private final PreparedStatement insertPageBySlug;

	private final PreparedStatement deleteElements;

	private final PreparedStatement insertElement;

	private final PreparedStatement selectElements;

	private final PreparedStatement insertElementById;

	private final PreparedStatement deleteElementById;

	private final PreparedStatement insertPageByStage;

	private final PreparedStatement deletePageByStage;

	ReadModelProjection(ReadTables tables) {
		this.session = tables.session();
		CqlSession s = this.session;
		this.deletePageBySlug = s
			.prepare("DELETE FROM marquee_read.page_by_slug USING TIMESTAMP ? WHERE slug = ? AND stage = ?");
		this.insertPageBySlug = s.prepare("INSERT INTO marquee_read.page_by_slug (slug, stage, page_id, template, "
				+ "title, summary, element_count, content_version, source_version, ingested_at, trace_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
		this.deleteElements = s
			.prepare("DELETE FROM marquee_read.elements_by_page USING TIMESTAMP ? WHERE page_id = ? AND stage = ?");
		this.insertElement = s.prepare("INSERT INTO marquee_read.elements_by_page (page_id, stage, position, "
				+ "element_id, type, body, body_sha256) VALUES (?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
		this.selectElements = s.prepare("SELECT position, element_id, body_sha256, writetime(element_id) AS version "
				+ "FROM marquee_read.elements_by_page WHERE page_id = ? AND stage = ?");
		this.insertElementById = s.prepare("INSERT INTO marquee_read.element_by_id (element_id, stage, page_id, "
				+ "position, type, body, content_version) VALUES (?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
		this.deleteElementById = s.prepare("DELETE FROM marquee_read.element_by_id USING TIMESTAMP ? "
				+ "WHERE element_id = ? AND stage = ? AND page_id = ?");
		this.insertPageByStage = s.prepare("INSERT INTO marquee_read.pages_by_stage (stage, slug, page_id, title, "
				+ "content_version) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
		this.deletePageByStage = s
			.prepare("DELETE FROM marquee_read.pages_by_stage USING TIMESTAMP ? WHERE stage = ? AND slug = ?");
	}

	/**
	 * Writes one change; returns once every write is acknowledged.
	 * @param change a valid change
	 * @return whether the change was the newest the tables had seen for the page's
	 * elements (false for a duplicate or an out-of-order older version, whose writes lose
	 * to the newer cells)
	 * @throws RuntimeException a driver exception when Cassandra fails; see
	 * {@link CassandraFailures}
	 */
	public Outcome apply(PageChanged change) {
		return switch (change.kind()) {
			case UPSERTED -> upsert(change, pageOf(change));
			case DELETED -> delete(change);
		};
	}

	private static Page pageOf(PageChanged change) {
		Page page = change.page();
		if (page == null) {
			throw new IllegalArgumentException("upsert without page: " + change.pageId());
		}
		return page;
	}

	private Outcome upsert(PageChanged change, Page page) {
		long version = change.contentVersion();
		String stage = change.stage().name();
		// Read-before-write: the previous version tells which element_by_id rows (other
		// partitions) changed or
		// were dropped. Per-page ordering on the topic keeps this race-free.
		Stored stored = storedElements(change.pageId(), stage);
		List<Encoded> elements = new ArrayList<>(page.elements().size());
		for (Element element : page.elements()) {
			elements.add(ElementRows.encode(element));
		}
		Plan plan = ElementRows.plan(elements, stored, version);

		// element_by_id first: once elements_by_page shows this version, every element
		// row of it is acknowledged,
		// which is what lets the next version skip the rows it did not change.
		List<Statement<?>> elementRows = new ArrayList<>(plan.writes().size() + plan.deletes().size());
		for (Encoded element : plan.writes()) {
			elementRows.add(this.insertElementById.boundStatementBuilder()
				.setString(0, element.element().elementId())
				.setString(1, stage)
				.setString(2, page.pageId())
				.setInt(3, element.element().position())
				.setString(4, element.element().type().name())
				.setBytesUnsafe(5, element.body().duplicate())
				.setLong(6, version)
				.setLong(7, version)
				.build()
				.setIdempotent(true));
		}
		for (String elementId : plan.deletes()) {
			elementRows
				.add(this.deleteElementById.bind(version - 1, elementId, stage, page.pageId()).setIdempotent(true));
		}
		executeAll(elementRows);

		List<Statement<?>> writes = new ArrayList<>(5);
		writes.add(pageBySlugBatch(page, stage, version));
		writes.add(elementsBatch(page, elements, stage, version));
		writes.add(this.insertPageByStage.bind(stage, page.slug(), page.pageId(), page.title(), version, version)
			.setIdempotent(true));
		String previousSlug = change.previousSlug();
		if (previousSlug != null && !previousSlug.equals(page.slug())) {
			writes.add(this.deletePageBySlug.bind(version - 1, previousSlug, stage).setIdempotent(true));
			writes.add(this.deletePageByStage.bind(version - 1, stage, previousSlug).setIdempotent(true));
		}
		executeAll(writes);
		return plan.newest() ? Outcome.APPLIED : Outcome.SUPERSEDED;
	}

	private BatchStatement pageBySlugBatch(Page page, String stage, long version) {
		BoundStatementBuilder insert = this.insertPageBySlug.boundStatementBuilder()
			.setString(0, page.slug())
			.setString(1, stage)
			.setString(2, page.pageId())
			.setString(3, page.template())
			.setString(4, page.title())
			.setInt(6, page.elements().size())
			.setLong(7, version)
			.setLong(8, page.sourceVersion())
			.setInstant(9, page.ingestedAt())
			.setString(10, page.traceId())
			.setLong(11, version);
		String summary = page.summary();
		if (summary != null) {
			insert.setString(5, summary);
		}
		return BatchStatement.builder(BatchType.UNLOGGED)
			.addStatement(this.deletePageBySlug.bind(version - 1, page.slug(), stage))
			.addStatement(insert.build())
			.build()
			.setIdempotent(true);
	}

	/**
	 * One partition, so Cassandra's batch size thresholds do not apply (they count only
	 * batches spanning several partitions); every row is rewritten at the version, as
	 * page construction checks each element's write time against the page's version to
	 * detect torn reads.
	 */
	private BatchStatement elementsBatch(Page page, List<Encoded> elements, String stage, long version) {
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED)
			.addStatement(this.deleteElements.bind(version - 1, page.pageId(), stage));
		for (Encoded element : elements) {
			batch.addStatement(this.insertElement.boundStatementBuilder()
				.setString(0, page.pageId())
				.setString(1, stage)
				.setInt(2, element.element().position())
				.setString(3, element.element().elementId())
				.setString(4, element.element().type().name())
				.setBytesUnsafe(5, element.body().duplicate())
				.setBytesUnsafe(6, element.hash().duplicate())
				.setLong(7, version)
				.build());
		}
		return batch.build().setIdempotent(true);
	}

	private Outcome delete(PageChanged change) {
		long version = change.contentVersion();
		String stage = change.stage().name();
		Stored stored = storedElements(change.pageId(), stage);
		boolean newest = stored.version() <= version;
		if (newest) {
			// A newer version may have skipped unchanged element rows, which keep older
			// write times; an older, late
			// delete must not reach them, so only a delete at least as new as the stored
			// version touches them.
			List<Statement<?>> elementRows = new ArrayList<>();
			for (String elementId : stored.elementIds()) {
				elementRows
					.add(this.deleteElementById.bind(version, elementId, stage, change.pageId()).setIdempotent(true));
			}
			// Before the partition's tombstone: a retry after a partial failure still
			// finds the element ids.
			executeAll(elementRows);
		}
		List<Statement<?>> writes = new ArrayList<>();
		writes.add(this.deletePageBySlug.bind(version, change.slug(), stage).setIdempotent(true));
		writes.add(this.deletePageByStage.bind(version, stage, change.slug()).setIdempotent(true));
		writes.add(this.deleteElements.bind(version, change.pageId(), stage).setIdempotent(true));
		executeAll(writes);
		return newest ? Outcome.APPLIED : Outcome.SUPERSEDED;
	}

	private Stored storedElements(String pageId, String stage) {
		BoundStatement select = this.selectElements.bind(pageId, stage).setIdempotent(true);
		ResultSet rows = this.session.execute(select);
		Map<Integer, StoredElement> byPosition = new HashMap<>();
		long newest = Long.MIN_VALUE;
		for (Row row : rows) {
			long written = row.getLong("version");
			byPosition.put(row.getInt("position"),
					new StoredElement(row.getString("element_id"), row.getByteBuffer("body_sha256"), written));
			newest = Math.max(newest, written);
		}
		return byPosition.isEmpty() ? Stored.EMPTY : new Stored(newest, byPosition);
	}

	private void executeAll(List<Statement<?>> writes) {
		if (writes.isEmpty()) {
			return;
		}
		// The writes go to different partitions, so they run in parallel; the change
		// counts as applied only when
		// every one of them is acknowledged.
		List<CompletableFuture<AsyncResultSet>> pending = new ArrayList<>(writes.size());
		for (Statement<?> write : writes) {
			CompletionStage<AsyncResultSet> stage = this.session.executeAsync(write);
			pending.add(stage.toCompletableFuture());
		}
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/** What applying a change did. */
	public enum Outcome {

		/** The change was the newest version the tables had for the page. */
		APPLIED,

		/**
		 * A newer version was already there; the change's writes lost to it, as intended.
		 */
		SUPERSEDED

	}

}
