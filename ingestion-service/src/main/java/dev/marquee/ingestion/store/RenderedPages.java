package dev.marquee.ingestion.store;

import java.util.Optional;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.springframework.stereotype.Component;

import dev.marquee.model.Page;
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

	private final PreparedStatement upsertRendered;

	public RenderedPages(CqlSession session, WriteSchema schema) {
		this.session = session;
		this.selectRendered = session.prepare("SELECT slug, content_version, source_version, removed "
				+ "FROM marquee_write.rendered_pages WHERE page_id = ? AND stage = ?");
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
	 * Remembers a page version every write path accepted.
	 * @param page the page
	 */
	public void saveRendered(Page page) {
		this.session.execute(this.upsertRendered.bind(page.pageId(), page.stage().name(), page.slug(),
				page.contentVersion(), page.sourceVersion(), false));
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
		this.session.execute(this.upsertRendered.bind(pageId, stage.name(), slug, contentVersion, sourceVersion, true));
	}

	/**
	 * The highest content version ever published, so versions keep increasing across
	 * restarts.
	 * @return the version, 0 when nothing was published
	 */
	public long maxContentVersion() {
		long max = 0;
		for (Row row : this.session
			.execute(WriteSchema.scan("SELECT content_version FROM marquee_write.rendered_pages"))) {
			max = Math.max(max, row.getLong("content_version"));
		}
		return max;
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
