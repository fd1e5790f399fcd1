package dev.marquee.consumer.projection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
import dev.marquee.consumer.projection.StoredPages.Key;
import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.ReadSchema;

/**
 * Applies a {@link PageChanged} to the read tables as idempotent, versioned writes: every
 * cell is written {@code USING TIMESTAMP contentVersion}, so applying a change twice, out
 * of order, or during a replay never lets an older version win over a newer one, in any
 * replica or compaction.
 *
 * <p>
 * The slug row is replaced whole: deleted at {@code version - 1} and written at
 * {@code version} in one unlogged single-partition batch; the tombstone shadows
 * everything older (a summary that became empty), yet loses to the new cells, because
 * Cassandra lets a tombstone win only over cells with a timestamp no greater than its
 * own. No null is ever bound: an absent optional value stays unset. It names the
 * version's elements by their digest ({@code elements_sha256}), which is page
 * construction's torn-read check, so the element tables need not be rewritten whole:
 *
 * <p>
 * The element tables get only what changed, decided by {@link ElementRows} against the
 * version stored before: remembered by {@link StoredPages} (no read), or else read from
 * {@code elements_by_page}. A change costs at most two waves of concurrent writes (the
 * changed {@code element_by_id} rows, if any, then one statement or single-partition
 * batch per other table), each awaited before the next, and the listener's watermark
 * write; the element bodies are serialized once and bound as bytes.
 */
@Component
public class ReadModelProjection {

	/** Applies of one page are serialized (the group and an in-place rebuild). */
	private static final int LOCK_STRIPES = 64;

	private final CqlSession session;

	private final StoredPages storedPages;

	private final Object[] locks = new Object[LOCK_STRIPES];

	private final PreparedStatement deletePageBySlug;

	private final PreparedStatement insertPageBySlug;

	private final PreparedStatement deleteElements;

	private final PreparedStatement deleteElementRow;

	private final PreparedStatement insertElement;

	private final PreparedStatement updateElementsVersion;

	private final PreparedStatement selectElements;

	private final PreparedStatement insertElementById;

	private final PreparedStatement deleteElementById;

	private final PreparedStatement insertPageByStage;

	private final PreparedStatement deletePageByStage;

	ReadModelProjection(ReadTables tables, StoredPages storedPages) {
		this.session = tables.session();
		this.storedPages = storedPages;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
		CqlSession s = this.session;
		this.deletePageBySlug = s
			.prepare("DELETE FROM marquee_read.page_by_slug USING TIMESTAMP ? WHERE slug = ? AND stage = ?");
		this.insertPageBySlug = s.prepare("INSERT INTO marquee_read.page_by_slug (slug, stage, page_id, template, "
				+ "title, summary, element_count, content_version, source_version, ingested_at, trace_id, "
				+ "elements_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
		this.deleteElements = s
			.prepare("DELETE FROM marquee_read.elements_by_page USING TIMESTAMP ? WHERE page_id = ? AND stage = ?");
		this.deleteElementRow = s.prepare("DELETE FROM marquee_read.elements_by_page USING TIMESTAMP ? "
				+ "WHERE page_id = ? AND stage = ? AND position = ?");
		this.insertElement = s.prepare("INSERT INTO marquee_read.elements_by_page (page_id, stage, position, "
				+ "element_id, type, body, body_sha256) VALUES (?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
		this.updateElementsVersion = s.prepare("UPDATE marquee_read.elements_by_page USING TIMESTAMP ? "
				+ "SET content_version = ?, elements_sha256 = ? WHERE page_id = ? AND stage = ?");
		this.selectElements = s.prepare("SELECT content_version, elements_sha256, position, element_id, "
				+ "body_sha256, writetime(element_id) AS version "
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
	 * elements (false for an out-of-order older version, whose writes lose to the newer
	 * cells)
	 * @throws RuntimeException a driver exception when Cassandra fails; see
	 * {@link CassandraFailures}
	 */
	public Outcome apply(PageChanged change) {
		Key key = new Key(change.pageId(), change.stage().name());
		synchronized (this.locks[Math.floorMod(key.hashCode(), this.locks.length)]) {
			long generation = this.storedPages.generation();
			try {
				Stored stored = this.storedPages.get(key);
				if (stored == null) {
					stored = storedElements(key);
				}
				return switch (change.kind()) {
					case UPSERTED -> upsert(key, change, pageOf(change), stored, generation);
					case DELETED -> delete(key, change, stored, generation);
				};
			}
			catch (RuntimeException ex) {
				// Some writes may have landed: only a read tells what the tables hold
				// now.
				this.storedPages.remove(key);
				throw ex;
			}
		}
	}

	private static Page pageOf(PageChanged change) {
		Page page = change.page();
		if (page == null) {
			throw new IllegalArgumentException("upsert without page: " + change.pageId());
		}
		return page;
	}

	private Outcome upsert(Key key, PageChanged change, Page page, Stored stored, long generation) {
		long version = change.contentVersion();
		String stage = key.stage();
		List<Encoded> encoded = new ArrayList<>(page.elements().size());
		for (Element element : page.elements()) {
			encoded.add(ElementRows.encode(element));
		}
		List<Encoded> elements = ElementRows.byPosition(encoded);
		ByteBuffer digest = ElementRows.digest(elements);
		Plan plan = ElementRows.plan(elements, stored, version);

		// element_by_id first: once elements_by_page shows this version, every element
		// row of it is acknowledged, which is what lets a later read trust the stored
		// rows.
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
		writes.add(pageBySlugBatch(page, stage, version, digest));
		if (plan.newest()) {
			// An older version writes no element row: it could win over rows a newer
			// version skipped.
			writes.add(elementsBatch(page, plan, stage, version, digest));
		}
		writes.add(this.insertPageByStage.bind(stage, page.slug(), page.pageId(), page.title(), version, version)
			.setIdempotent(true));
		String previousSlug = change.previousSlug();
		if (previousSlug != null && !previousSlug.equals(page.slug())) {
			writes.add(this.deletePageBySlug.bind(version - 1, previousSlug, stage).setIdempotent(true));
			writes.add(this.deletePageByStage.bind(version - 1, stage, previousSlug).setIdempotent(true));
		}
		executeAll(writes);
		if (plan.newest()) {
			this.storedPages.put(key, Stored.written(version, elements), generation);
		}
		return plan.newest() ? Outcome.APPLIED : Outcome.SUPERSEDED;
	}

	private BatchStatement pageBySlugBatch(Page page, String stage, long version, ByteBuffer digest) {
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
			.setBytesUnsafe(11, digest.duplicate())
			.setLong(12, version);
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
	 * batches spanning several partitions), and the batch is applied atomically and in
	 * isolation on each replica: the partition goes from one version's elements to the
	 * next one's at once. Only changed rows are written and dropped positions deleted;
	 * the static columns name the version and digest the rows now are.
	 */
	private BatchStatement elementsBatch(Page page, Plan plan, String stage, long version, ByteBuffer digest) {
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
		if (plan.replacePartition()) {
			batch.addStatement(this.deleteElements.bind(version - 1, page.pageId(), stage));
		}
		for (Integer position : plan.droppedPositions()) {
			batch.addStatement(this.deleteElementRow.bind(version, page.pageId(), stage, position));
		}
		for (Encoded element : plan.rows()) {
			batch.addStatement(this.insertElement.boundStatementBuilder()
				.setString(0, page.pageId())
				.setString(1, stage)
				.setInt(2, element.element().position())
				.setString(3, element.element().elementId())
				.setString(4, element.element().type().name())
				.setBytesUnsafe(5, element.body().duplicate())
				.setBytesUnsafe(6, element.hashBuffer())
				.setLong(7, version)
				.build());
		}
		batch.addStatement(this.updateElementsVersion.boundStatementBuilder()
			.setLong(0, version)
			.setLong(1, version)
			.setBytesUnsafe(2, digest.duplicate())
			.setString(3, page.pageId())
			.setString(4, stage)
			.build());
		return batch.build().setIdempotent(true);
	}

	private Outcome delete(Key key, PageChanged change, Stored stored, long generation) {
		long version = change.contentVersion();
		String stage = key.stage();
		boolean newest = stored.version() <= version;
		if (newest) {
			// A newer version may have skipped unchanged element rows, which keep older
			// write times; an older, late delete must not reach them, so only a delete at
			// least as new as the stored version touches them.
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
		if (newest) {
			// Not for an older delete: its tombstone would shadow rows a newer version
			// skipped, which keep older write times.
			writes.add(this.deleteElements.bind(version, change.pageId(), stage).setIdempotent(true));
		}
		executeAll(writes);
		if (newest) {
			this.storedPages.put(key, Stored.deleted(version), generation);
		}
		return newest ? Outcome.APPLIED : Outcome.SUPERSEDED;
	}

	/**
	 * Reads what {@code elements_by_page} holds. The rows are exact when they match the
	 * digest the partition was last written with; rows written before the digest existed
	 * are exact when every one has a hash and all share one write time (they were written
	 * whole, at that version).
	 */
	private Stored storedElements(Key key) {
		BoundStatement select = this.selectElements.bind(key.pageId(), key.stage()).setIdempotent(true);
		ResultSet rows = this.session.execute(select);
		List<StoredElement> elements = new ArrayList<>();
		List<ByteBuffer> hashes = new ArrayList<>();
		long staticVersion = Long.MIN_VALUE;
		ByteBuffer staticDigest = null;
		long newest = Long.MIN_VALUE;
		long oldest = Long.MAX_VALUE;
		boolean hashed = true;
		for (Row row : rows) {
			if (!row.isNull("content_version")) {
				staticVersion = row.getLong("content_version");
				staticDigest = row.getByteBuffer("elements_sha256");
			}
			if (row.isNull("position")) {
				// Only static cells: a version without elements.
				continue;
			}
			long written = row.getLong("version");
			newest = Math.max(newest, written);
			oldest = Math.min(oldest, written);
			ByteBuffer hash = row.getByteBuffer("body_sha256");
			hashed &= hash != null;
			byte[] bytes = new byte[0];
			if (hash != null) {
				bytes = new byte[hash.remaining()];
				hash.duplicate().get(bytes);
				hashes.add(hash);
			}
			elements.add(new StoredElement(row.getInt("position"), row.getString("element_id"), bytes));
		}
		if (staticVersion != Long.MIN_VALUE) {
			boolean exact = hashed && staticDigest != null && staticDigest.equals(ReadSchema.elementsDigest(hashes));
			return new Stored(Math.max(staticVersion, newest), exact, List.copyOf(elements));
		}
		if (elements.isEmpty()) {
			return Stored.EMPTY;
		}
		return new Stored(newest, hashed && oldest == newest, List.copyOf(elements));
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
