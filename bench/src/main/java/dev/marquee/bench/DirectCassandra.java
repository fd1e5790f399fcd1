package dev.marquee.bench;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

/**
 * Builds a page straight from the Cassandra read tables, with the same two queries
 * page-construction's Cassandra source runs (page row by slug and stage, then its
 * elements in order) and the element JSON parsed: the KAFKA_CASSANDRA path without the
 * near cache, timed in the benchmark's JVM because page-construction has no uncached
 * mode.
 */
final class DirectCassandra implements AutoCloseable {

	private final CqlSession session;

	private final PreparedStatement page;

	private final PreparedStatement elements;

	DirectCassandra(String contactPoint) {
		String[] hostPort = contactPoint.split(":");
		this.session = CqlSession.builder()
			.addContactPoint(
					new InetSocketAddress(hostPort[0], (hostPort.length > 1) ? Integer.parseInt(hostPort[1]) : 9042))
			.withLocalDatacenter("datacenter1")
			.withConfigLoader(DriverConfigLoader.programmaticBuilder()
				.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
				.withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
				.build())
			.build();
		this.page = this.session.prepare("SELECT page_id, template, title, summary, element_count, content_version "
				+ "FROM marquee_read.page_by_slug WHERE slug = ? AND stage = ?");
		this.elements = this.session
			.prepare("SELECT body FROM marquee_read.elements_by_page WHERE page_id = ? AND stage = ?");
	}

	/**
	 * Reads and parses one published page.
	 * @param slug the page
	 * @return its element count
	 * @throws IllegalStateException when the page is not there
	 */
	int read(String slug) {
		Row row = this.session.execute(this.page.bind(slug, "PUBLISHED")).one();
		if (row == null) {
			throw new IllegalStateException("no published page " + slug + " in marquee_read.page_by_slug");
		}
		int count = 0;
		for (Row element : this.session.execute(this.elements.bind(row.getString("page_id"), "PUBLISHED"))) {
			JsonNode body = MarqueeJson.mapper().readTree(element.getString("body"));
			if (body != null) {
				count++;
			}
		}
		return count;
	}

	@Override
	public void close() {
		this.session.close();
	}

}
