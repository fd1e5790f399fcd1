package dev.marquee.ingestion.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.ResultSetExtractor;
import org.springframework.stereotype.Component;

import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;

/**
 * The last version of each page stage every write path accepted, or its removal
 * ({@code rendered_pages}): the previous slug of a page, and the highest content version
 * ever published. Not the page itself: the read stores hold it, and a ~60 KB copy here
 * cost a serialization and a Cassandra write per page stage per edit for nothing ever
 * read (a keyspace created before this keeps an unused {@code page} column).
 */
@Component
public class RenderedPages {

	private final CqlSession session;

	private final PreparedStatement selectRendered;

	private final PreparedStatement selectRenderedStages;

	private final PreparedStatement upsertRendered;

	private final RenderProblems problems;

	private final CqlOperations cql;

	public RenderedPages(CqlSession session, CqlOperations cql, WriteSchema schema, RenderProblems problems) {
		// Raw prepared statements, bound directly and sent asynchronously: they are on a
		// webhook's path, where every request counts (package-info).
		this.session = session;
		this.cql = cql;
		this.problems = problems;
		this.selectRendered = session.prepare("SELECT slug, content_version, source_version, removed "
				+ "FROM marquee_write.rendered_pages WHERE page_id = ? AND stage = ?");
		this.selectRenderedStages = session.prepare("SELECT stage, slug, content_version, source_version, removed "
				+ "FROM marquee_write.rendered_pages WHERE page_id = ?");
		this.upsertRendered = session.prepare("INSERT INTO marquee_write.rendered_pages "
				+ "(page_id, stage, slug, content_version, source_version, removed) VALUES (?, ?, ?, ?, ?, ?)");
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
					r.getLong("source_version"), r.getBoolean("removed")));
	}

	/**
	 * The last rendered version of every stage of a page, in one request (both stages are
	 * one partition).
	 * @param pageId the page
	 * @return what was last published for each stage that has a row
	 */
	public CompletableFuture<Map<Stage, RenderedPage>> renderedStages(String pageId) {
		return StoreRequests.rows(this.session.executeAsync(this.selectRenderedStages.bind(pageId)))
			.thenApply((rows) -> {
				Map<Stage, RenderedPage> stages = new EnumMap<>(Stage.class);
				for (Row row : rows) {
					Stage stage = Stage.valueOf(row.getString("stage"));
					stages.put(stage, new RenderedPage(pageId, stage, row.getString("slug"),
							row.getLong("content_version"), row.getLong("source_version"), row.getBoolean("removed")));
				}
				return stages;
			});
	}

	/**
	 * Remembers page versions and removals every write path accepted, and clears the
	 * render problems of the pages rendered again: one request per page (its rows of both
	 * tables are one partition key), the pages' requests in flight together.
	 * @param changes the accepted changes
	 * @param sourceVersion the CMS version of a removal
	 * @return the requests, completed once every one is acknowledged
	 */
	public CompletableFuture<Void> recordAccepted(List<PageChanged> changes, long sourceVersion) {
		Map<String, List<BatchableStatement<?>>> byPage = new LinkedHashMap<>();
		for (PageChanged change : changes) {
			List<BatchableStatement<?>> writes = byPage.computeIfAbsent(change.pageId(), (page) -> new ArrayList<>());
			Page page = change.page();
			if (page != null) {
				writes.add(this.upsertRendered.bind(page.pageId(), page.stage().name(), page.slug(),
						page.contentVersion(), page.sourceVersion(), false));
				writes.add(this.problems.clearing(page.pageId(), page.stage()));
			}
			else {
				writes.add(this.upsertRendered.bind(change.pageId(), change.stage().name(), change.slug(),
						change.contentVersion(), sourceVersion, true));
			}
		}
		List<List<BatchableStatement<?>>> pages = new ArrayList<>(byPage.values());
		CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
		// A window of pages at a time, as a re-render's batch holds up to a hundred.
		for (int from = 0; from < pages.size(); from += StoreRequests.WINDOW) {
			List<List<BatchableStatement<?>>> window = pages.subList(from,
					Math.min(pages.size(), from + StoreRequests.WINDOW));
			done = done.thenCompose((ignored) -> StoreRequests.all(
					window.stream().map((writes) -> StoreRequests.executeOnePartition(this.session, writes)).toList()));
		}
		return done;
	}

	/**
	 * The highest content version ever published, so versions keep increasing across
	 * restarts.
	 * @return the version, 0 when nothing was published
	 */
	public long maxContentVersion() {
		Long max = this.cql.query(WriteSchema.scan("SELECT content_version FROM marquee_write.rendered_pages"),
				(ResultSetExtractor<Long>) (rows) -> {
					long highest = 0;
					for (Row row : rows) {
						highest = Math.max(highest, row.getLong("content_version"));
					}
					return highest;
				});
		return (max != null) ? max : 0;
	}

	/**
	 * What was last published for one stage of a page.
	 *
	 * @param pageId the page
	 * @param stage the stage
	 * @param slug its slug
	 * @param contentVersion the content version published
	 * @param sourceVersion the CMS version it came from
	 * @param removed whether that was a removal
	 */
	public record RenderedPage(String pageId, Stage stage, String slug, long contentVersion, long sourceVersion,
			boolean removed) {
	}

}
