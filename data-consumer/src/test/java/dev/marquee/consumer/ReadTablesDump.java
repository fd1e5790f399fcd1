package dev.marquee.consumer;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Every content-table row of the pages with one id prefix, as sorted text with the prefix
 * replaced, so that two runs over differently prefixed copies of the same stream can be
 * compared. Write times are included: the same stream must leave the same versions, not
 * only the same values.
 */
final class ReadTablesDump {

	private ReadTablesDump() {
	}

	static List<String> of(CqlSession session, String prefix) {
		List<String> rows = new ArrayList<>();
		for (Row row : session.execute("SELECT slug, stage, page_id, template, title, summary, element_count, "
				+ "content_version, source_version, ingested_at, trace_id, writetime(page_id) AS wt "
				+ "FROM marquee_read.page_by_slug")) {
			add(rows, prefix, row.getString("page_id"), "page_by_slug", row.getString("slug"), row.getString("stage"),
					row.getString("page_id"), row.getString("template"), row.getString("title"),
					row.getString("summary"), row.getInt("element_count"), row.getLong("content_version"),
					row.getLong("source_version"), row.getInstant("ingested_at"), row.getString("trace_id"),
					row.getLong("wt"));
		}
		for (Row row : session.execute("SELECT page_id, stage, position, element_id, type, body, "
				+ "writetime(body) AS wt FROM marquee_read.elements_by_page")) {
			add(rows, prefix, row.getString("page_id"), "elements_by_page", row.getString("page_id"),
					row.getString("stage"), row.getInt("position"), row.getString("element_id"), row.getString("type"),
					row.getString("body"), row.getLong("wt"));
		}
		for (Row row : session.execute("SELECT element_id, stage, page_id, position, type, body, content_version, "
				+ "writetime(body) AS wt FROM marquee_read.element_by_id")) {
			add(rows, prefix, row.getString("page_id"), "element_by_id", row.getString("element_id"),
					row.getString("stage"), row.getString("page_id"), row.getInt("position"), row.getString("type"),
					row.getString("body"), row.getLong("content_version"), row.getLong("wt"));
		}
		for (Row row : session.execute("SELECT stage, slug, page_id, title, content_version, writetime(title) AS wt "
				+ "FROM marquee_read.pages_by_stage")) {
			add(rows, prefix, row.getString("page_id"), "pages_by_stage", row.getString("stage"), row.getString("slug"),
					row.getString("page_id"), row.getString("title"), row.getLong("content_version"),
					row.getLong("wt"));
		}
		rows.sort(null);
		return rows;
	}

	private static void add(List<String> rows, String prefix, String pageId, Object... columns) {
		if (pageId == null || !pageId.startsWith(prefix)) {
			return;
		}
		StringBuilder line = new StringBuilder();
		for (Object column : columns) {
			line.append(String.valueOf(column).replace(prefix, "<prefix>")).append(" | ");
		}
		rows.add(line.toString());
	}

}
