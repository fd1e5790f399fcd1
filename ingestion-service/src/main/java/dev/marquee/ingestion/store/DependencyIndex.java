package dev.marquee.ingestion.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Dependency;

/**
 * The page ↔ title/talent/asset dependency index, both ways ({@code pages_by_dependency},
 * {@code dependencies_by_page}): which pages to re-render when a catalog document
 * changes.
 */
@Component
public class DependencyIndex {

	private final CqlSession session;

	private final PreparedStatement selectPagesByDependency;

	private final PreparedStatement selectDependenciesOfPage;

	private final PreparedStatement insertPageByDependency;

	private final PreparedStatement deletePageByDependency;

	private final PreparedStatement insertDependencyOfPage;

	private final PreparedStatement deleteDependencyOfPage;

	public DependencyIndex(CqlSession session, WriteSchema schema) {
		// Raw prepared statements, bound directly and sent asynchronously: they are on a
		// webhook's path, where every request counts (package-info).
		this.session = session;
		this.selectPagesByDependency = session
			.prepare("SELECT page_id FROM marquee_write.pages_by_dependency WHERE dep_kind = ? AND dep_id = ?");
		this.selectDependenciesOfPage = session
			.prepare("SELECT dep_kind, dep_id FROM marquee_write.dependencies_by_page WHERE page_id = ?");
		this.insertPageByDependency = session
			.prepare("INSERT INTO marquee_write.pages_by_dependency (dep_kind, dep_id, page_id) VALUES (?, ?, ?)");
		this.deletePageByDependency = session
			.prepare("DELETE FROM marquee_write.pages_by_dependency WHERE dep_kind = ? AND dep_id = ? AND page_id = ?");
		this.insertDependencyOfPage = session
			.prepare("INSERT INTO marquee_write.dependencies_by_page (page_id, dep_kind, dep_id) VALUES (?, ?, ?)");
		this.deleteDependencyOfPage = session.prepare(
				"DELETE FROM marquee_write.dependencies_by_page WHERE page_id = ? AND dep_kind = ? AND dep_id = ?");
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
	 * The documents a page depends on now, read before its delivery is rendered so that
	 * writing the new ones needs no read of its own.
	 * @param pageId the page
	 * @return what its renderings used
	 */
	public CompletableFuture<Set<Dependency>> dependenciesOf(String pageId) {
		return StoreRequests.rows(this.session.executeAsync(this.selectDependenciesOfPage.bind(pageId)))
			.thenApply((rows) -> {
				Set<Dependency> dependencies = new HashSet<>();
				for (Row row : rows) {
					ContentType.fromWireName(row.getString("dep_kind"))
						.ifPresent((type) -> dependencies.add(new Dependency(type, row.getString("dep_id"))));
				}
				return dependencies;
			});
	}

	/**
	 * Replaces the documents a page depends on, writing only the difference: a page edit
	 * rarely changes what it uses, and rewriting dozens of index rows per edit was a
	 * large share of the write path's Cassandra work.
	 * @param pageId the page
	 * @param previous what it depended on ({@link #dependenciesOf(String)}, read under
	 * the page's lock)
	 * @param dependencies what its last rendering used
	 * @return the writes, none when nothing changed
	 */
	public CompletableFuture<Void> replaceDependencies(String pageId, Set<Dependency> previous,
			Set<Dependency> dependencies) {
		List<BoundStatement> writes = new ArrayList<>();
		for (Dependency gone : previous) {
			if (!dependencies.contains(gone)) {
				writes.add(this.deletePageByDependency.bind(gone.type().wireName(), gone.id(), pageId));
				writes.add(this.deleteDependencyOfPage.bind(pageId, gone.type().wireName(), gone.id()));
			}
		}
		addMissing(pageId, dependencies, previous, writes);
		return StoreRequests.executeAll(this.session, writes);
	}

	/**
	 * Adds documents a page depends on, keeping the ones it had (a preview-only rendering
	 * must not drop what the published copy uses).
	 * @param pageId the page
	 * @param previous what it depended on
	 * @param dependencies what a rendering used
	 * @return the writes, none when nothing is new
	 */
	public CompletableFuture<Void> addDependencies(String pageId, Set<Dependency> previous,
			Set<Dependency> dependencies) {
		List<BoundStatement> writes = new ArrayList<>();
		addMissing(pageId, dependencies, previous, writes);
		return StoreRequests.executeAll(this.session, writes);
	}

	/**
	 * Adds documents a page depends on after a re-render, keeping the ones it had.
	 * @param pageId the page
	 * @param dependencies what the rendering used
	 */
	public void addDependencies(String pageId, Set<Dependency> dependencies) {
		StoreRequests
			.await(dependenciesOf(pageId).thenCompose((previous) -> addDependencies(pageId, previous, dependencies)));
	}

	private void addMissing(String pageId, Set<Dependency> dependencies, Set<Dependency> present,
			List<BoundStatement> writes) {
		for (Dependency dependency : dependencies) {
			if (!present.contains(dependency)) {
				// The reverse index first: a crash in between leaves an extra re-render,
				// never a missed one.
				writes.add(this.insertPageByDependency.bind(dependency.type().wireName(), dependency.id(), pageId));
				writes.add(this.insertDependencyOfPage.bind(pageId, dependency.type().wireName(), dependency.id()));
			}
		}
	}

}
