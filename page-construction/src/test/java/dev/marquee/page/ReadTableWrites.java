package dev.marquee.page;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.json.MarqueeJson;

/**
 * Writes a page into the read tables the way the data consumer does: every write
 * {@code USING TIMESTAMP
 * version}, the slug row and the element partition replaced as a whole (deleted at
 * {@code version - 1}).
 */
public final class ReadTableWrites {

	private ReadTableWrites() {
	}

	public static void write(CqlSession session, Page page) {
		long version = page.contentVersion();
		String stage = page.stage().name();
		session.execute(SimpleStatement.newInstance(
				"DELETE FROM marquee_read.page_by_slug USING TIMESTAMP ? WHERE slug = ? AND stage = ?", version - 1,
				page.slug(), stage));
		session.execute(SimpleStatement.newInstance(
				"INSERT INTO marquee_read.page_by_slug (slug, stage, page_id, template, title, summary, element_count, "
						+ "content_version, source_version, ingested_at, trace_id) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " + "USING TIMESTAMP ?",
				page.slug(), stage, page.pageId(), page.template(), page.title(), page.summary(),
				page.elements().size(), version, page.sourceVersion(), page.ingestedAt(), page.traceId(), version));
		BatchStatementBuilder elements = BatchStatement.builder(DefaultBatchType.UNLOGGED)
			.addStatement(SimpleStatement.newInstance(
					"DELETE FROM marquee_read.elements_by_page USING TIMESTAMP ? WHERE page_id = ? AND stage = ?",
					version - 1, page.pageId(), stage));
		for (Element element : page.elements()) {
			elements.addStatement(SimpleStatement.newInstance(
					"INSERT INTO marquee_read.elements_by_page (page_id, stage, position, element_id, type, body) "
							+ "VALUES (?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
					page.pageId(), stage, element.position(), element.elementId(), element.type().name(),
					MarqueeJson.mapper().writeValueAsString(element), version));
		}
		session.execute(elements.build());
		session.execute(SimpleStatement.newInstance(
				"INSERT INTO marquee_read.pages_by_stage (stage, slug, page_id, title, content_version) "
						+ "VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?",
				stage, page.slug(), page.pageId(), page.title(), version, version));
	}

}
