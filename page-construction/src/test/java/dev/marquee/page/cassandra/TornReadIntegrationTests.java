package dev.marquee.page.cassandra;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.model.Element;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.ReadSchema;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page-level torn-read check on the real Cassandra node: the data consumer writes
 * only the element rows a version changed, so element rows carry the write times of
 * different versions; the page row names its version's elements by digest, and a read
 * whose element rows do not match it is never served.
 */
class TornReadIntegrationTests extends IntegrationTestSupport {

	@BeforeEach
	void schema() {
		awaitSchema();
	}

	@Test
	void elementRowsOfOlderVersionsAreServedWhenThePageRowNamesThem() {
		long v1 = nextVersion();
		Page first = page("torn-1", "torn-mixed", Stage.PREVIEW, v1, "Mixed one");
		writePageRow(first);
		writeElements(first, first.elements(), true);
		long v2 = nextVersion();
		Page second = page("torn-1", "torn-mixed", Stage.PREVIEW, v2, "Mixed two");
		// Only the heading element changed: the others keep their rows written at v1.
		writeElements(second, List.of(second.elements().get(0)), false);
		writePageRow(second);

		HttpResponse<String> response = get("/preview/pages/torn-mixed?readPath=KAFKA_CASSANDRA", EDITOR);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(MarqueeHeaders.CONTENT_VERSION)).contains(Long.toString(v2));
		assertThat(heading(response)).isEqualTo("Mixed two");
		assertThat(json(response).path("elements")).hasSize(second.elements().size());
	}

	@Test
	void aPageRowAheadOfItsElementRowsIsNeverServed() {
		long v1 = nextVersion();
		Page first = page("torn-2", "torn-ahead", Stage.PREVIEW, v1, "Old heading");
		writePageRow(first);
		writeElements(first, first.elements(), true);
		long v2 = nextVersion();
		Page second = page("torn-2", "torn-ahead", Stage.PREVIEW, v2, "New heading");
		// The page row of v2 landed, its changed element row not yet.
		writePageRow(second);

		HttpResponse<String> torn = get("/preview/pages/torn-ahead?readPath=KAFKA_CASSANDRA", EDITOR);
		assertThat(torn.statusCode()).isEqualTo(503);
		assertThat(torn.body()).doesNotContain("Old heading");

		writeElements(second, List.of(second.elements().get(0)), false);
		HttpResponse<String> whole = get("/preview/pages/torn-ahead?readPath=KAFKA_CASSANDRA", EDITOR);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(heading(whole)).isEqualTo("New heading");
	}

	@Test
	void elementRowsAheadOfTheirPageRowAreNeverServedWithIt() {
		long v1 = nextVersion();
		Page first = page("torn-3", "torn-behind", Stage.PREVIEW, v1, "First heading");
		writePageRow(first);
		writeElements(first, first.elements(), true);
		long v2 = nextVersion();
		Page second = page("torn-3", "torn-behind", Stage.PREVIEW, v2, "Second heading");
		// v2's element rows landed, its page row not yet: v1's row must not be served
		// with v2's elements.
		writeElements(second, List.of(second.elements().get(0)), false);

		HttpResponse<String> torn = get("/preview/pages/torn-behind?readPath=KAFKA_CASSANDRA", EDITOR);
		assertThat(torn.statusCode()).isEqualTo(503);
		assertThat(torn.body()).doesNotContain("Second heading");
	}

	/** The page row as the data consumer writes it, naming its elements by digest. */
	private void writePageRow(Page page) {
		long version = page.contentVersion();
		this.session.execute(SimpleStatement.newInstance(
				"INSERT INTO marquee_read.page_by_slug (slug, stage, page_id, template, title, summary, element_count, "
						+ "content_version, source_version, ingested_at, trace_id, elements_sha256) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
				page.slug(), page.stage().name(), page.pageId(), page.template(), page.title(), page.summary(),
				page.elements().size(), version, page.sourceVersion(), page.ingestedAt(), page.traceId(), digest(page),
				version));
	}

	/**
	 * Element rows of a version, the whole partition or only the given (changed) ones.
	 */
	private void writeElements(Page page, List<Element> rows, boolean whole) {
		long version = page.contentVersion();
		String stage = page.stage().name();
		BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
		if (whole) {
			batch.addStatement(SimpleStatement.newInstance(
					"DELETE FROM marquee_read.elements_by_page USING TIMESTAMP ? WHERE page_id = ? AND stage = ?",
					version - 1, page.pageId(), stage));
		}
		for (Element element : rows) {
			String body = MarqueeJson.mapper().writeValueAsString(element);
			batch.addStatement(SimpleStatement.newInstance(
					"INSERT INTO marquee_read.elements_by_page (page_id, stage, position, element_id, type, body, "
							+ "body_sha256) VALUES (?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
					page.pageId(), stage, element.position(), element.elementId(), element.type().name(), body,
					sha256(body), version));
		}
		this.session.execute(batch.build());
	}

	private static ByteBuffer digest(Page page) {
		List<ByteBuffer> hashes = new ArrayList<>();
		for (Element element : page.elements()) {
			hashes.add(sha256(MarqueeJson.mapper().writeValueAsString(element)));
		}
		return ReadSchema.elementsDigest(hashes);
	}

	private static ByteBuffer sha256(String body) {
		try {
			return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
