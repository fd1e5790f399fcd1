package dev.marquee.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.cql.Row;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.ReadSchema;
import dev.marquee.model.Stage;
import dev.marquee.model.Topics;

import static dev.marquee.consumer.TestChanges.BASE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unchanged element rows are skipped, yet every read table ends exactly as the newest
 * version says, whatever the order and number of deliveries; on the real Kafka broker and
 * Cassandra node.
 */
class ElementSkippingIntegrationTests extends IntegrationTestSupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final long V1 = BASE_VERSION + 1_000;

	private static final long V2 = BASE_VERSION + 2_000;

	private static final long V3 = BASE_VERSION + 3_000;

	@Test
	void unchangedElementRowsKeepTheirVersionWhileElementsByPageShowsTheNewOne() {
		String id = "skip-a";
		applyInOrder(upsert(id, "skip-a-slug", V1, "a:one", "b:one", "c:one"),
				upsert(id, "skip-a-slug", V2, "a:one", "b:two", "c:one"));

		assertNewest(id, "skip-a-slug", V2, "a:one", "b:two", "c:one");
		assertThat(elementRowVersion(id, "a")).isEqualTo(V1);
		assertThat(elementRowVersion(id, "b")).isEqualTo(V2);
		assertThat(elementRowVersion(id, "c")).isEqualTo(V1);
		// elements_by_page too keeps the rows that did not change.
		assertThat(elementsByPageWriteTimes(id)).containsExactly(V1, V2, V1);
	}

	@Test
	void droppedAndReorderedElementsAreAppliedExactly() {
		String id = "skip-b";
		applyInOrder(upsert(id, "skip-b-slug", V1, "a:one", "b:one", "c:one"),
				upsert(id, "skip-b-slug", V2, "c:one", "a:one"));

		assertNewest(id, "skip-b-slug", V2, "c:one", "a:one");
		assertThat(elementById(id + "-b", id)).isNull();
	}

	@Test
	void outOfOrderAndDuplicateDeliveriesLeaveTheNewestVersion() {
		String id = "skip-c";
		// v3 keeps a and b from v1 (skipped rows, write time v1); the late v2 differs in
		// both and drops b.
		applyInOrder(upsert(id, "skip-c-slug", V1, "a:one", "b:one"),
				upsert(id, "skip-c-slug", V3, "a:one", "b:one", "c:three"), upsert(id, "skip-c-slug", V2, "a:two"),
				upsert(id, "skip-c-slug", V3, "a:one", "b:one", "c:three"),
				upsert(id, "skip-c-slug", V1, "a:one", "b:one"), upsert(id, "skip-c-slug", V2, "a:two"));

		assertNewest(id, "skip-c-slug", V3, "a:one", "b:one", "c:three");
		assertThat(elementRowVersion(id, "a")).isEqualTo(V1);
		assertThat(elementRowVersion(id, "c")).isEqualTo(V3);
	}

	@Test
	void lateOlderDeleteCannotRemoveRowsANewerVersionKept() {
		String id = "skip-d";
		applyInOrder(upsert(id, "skip-d-slug", V1, "a:one", "b:one"), upsert(id, "skip-d-slug", V3, "a:one", "b:three"),
				TestChanges.deleted(id, "skip-d-slug", V2));

		assertNewest(id, "skip-d-slug", V3, "a:one", "b:three");
	}

	@Test
	void republishAfterDeleteRewritesEveryRowAndOlderDeliveriesResurrectNothing() {
		String id = "skip-e";
		applyInOrder(upsert(id, "skip-e-slug", V1, "a:one", "b:one"), TestChanges.deleted(id, "skip-e-slug", V2),
				upsert(id, "skip-e-slug", V1, "a:one", "b:one"));
		assertThat(pageBySlug("skip-e-slug")).isNull();
		assertThat(elementIds(id)).isEmpty();
		assertThat(elementById(id + "-a", id)).isNull();
		assertThat(elementById(id + "-b", id)).isNull();

		applyInOrder(upsert(id, "skip-e-slug", V3, "a:one", "b:one"));
		assertNewest(id, "skip-e-slug", V3, "a:one", "b:one");
		assertThat(elementRowVersion(id, "a")).isEqualTo(V3);
		assertThat(elementRowVersion(id, "b")).isEqualTo(V3);
	}

	@Test
	void renameWithUnchangedElementsMovesTheSlugAndKeepsEveryElement() {
		String id = "skip-f";
		applyInOrder(upsert(id, "skip-f-old", V1, "a:one", "b:one"),
				PageChanged.upserted(page(id, "skip-f-new", V2, "a:one", "b:one"), "skip-f-old"));

		assertThat(pageBySlug("skip-f-old")).isNull();
		assertThat(pageByStage("skip-f-old")).isNull();
		assertNewest(id, "skip-f-new", V2, "a:one", "b:one");
		assertThat(elementRowVersion(id, "a")).isEqualTo(V1);
	}

	@Test
	void pageFarAboveTheBatchSizeFailThresholdIsWrittenAndThenEditedInPlace() {
		// Cassandra 5 fails multi-partition batches above 50 KiB; this page's elements
		// are about 450 KB, written as
		// one single-partition batch (exempt) and one statement per element_by_id
		// partition.
		String id = "skip-g";
		String filler = "x".repeat(1_500);
		String[] first = new String[300];
		String[] second = new String[300];
		for (int i = 0; i < first.length; i++) {
			first[i] = "e" + i + ":" + filler;
			second[i] = (i == 7) ? "e7:edited" : first[i];
		}
		applyInOrder(upsert(id, "skip-g-slug", V1, first), upsert(id, "skip-g-slug", V2, second));

		assertNewest(id, "skip-g-slug", V2, second);
		assertThat(elementRowVersion(id, "e6")).isEqualTo(V1);
		assertThat(elementRowVersion(id, "e7")).isEqualTo(V2);
	}

	@Test
	void theConsumerGroupDropsWhatItRemembersOnEveryRebalance(
			@Autowired ConcurrentKafkaListenerContainerFactory<?, ?> factory,
			@Autowired ConsumerAwareRebalanceListener storedPagesListener) {
		// Another process may have written a page while its partition was elsewhere.
		assertThat(factory.getContainerProperties().getConsumerRebalanceListener()).isSameAs(storedPagesListener);
	}

	private void applyInOrder(PageChanged... changes) {
		// One page id, so one partition: the consumer sees them in exactly this order.
		List<RecordMetadata> written = new ArrayList<>();
		for (PageChanged change : changes) {
			written.add(publish(change));
		}
		await().atMost(TIMEOUT).until(() -> applied(Topics.PAGE_CHANGES, written));
	}

	/**
	 * Every read table holds exactly the given version, elements given as "id:text" in
	 * order.
	 */
	private void assertNewest(String pageId, String slug, long version, String... elements) {
		Page expected = page(pageId, slug, version, elements);
		Row page = pageBySlug(slug);
		assertThat(page).isNotNull();
		assertThat(page.getLong("content_version")).isEqualTo(version);
		assertThat(page.getInt("element_count")).isEqualTo(elements.length);
		assertThat(pageByStage(slug).getLong("content_version")).isEqualTo(version);
		List<Row> rows = this.session
			.execute(
					"SELECT position, element_id, body, body_sha256, content_version, elements_sha256 "
							+ "FROM marquee_read.elements_by_page WHERE page_id = ? AND stage = ?",
					pageId, Stage.PUBLISHED.name())
			.all();
		assertThat(rows).hasSize(elements.length);
		// The page-level torn-read check: the page row names exactly the elements the
		// partition holds, and the partition names the version it was written at.
		assertThat(page.getByteBuffer("elements_sha256")).isEqualTo(
				ReadSchema.elementsDigest(rows.stream().map((row) -> row.getByteBuffer("body_sha256")).toList()));
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.getLong("content_version")).isEqualTo(version);
			assertThat(row.getByteBuffer("elements_sha256")).isEqualTo(page.getByteBuffer("elements_sha256"));
		});
		List<Row> byId = this.session
			.execute("SELECT element_id, page_id FROM marquee_read.element_by_id WHERE stage = ? ALLOW FILTERING",
					Stage.PUBLISHED.name())
			.all()
			.stream()
			.filter((row) -> pageId.equals(row.getString("page_id")))
			.toList();
		assertThat(byId).hasSize(elements.length);
		for (Element element : expected.elements()) {
			Row row = rows.get(element.position());
			assertThat(row.getString("element_id")).isEqualTo(element.elementId());
			assertThat(row.getString("body")).contains("\"" + text(element) + "\"");
			Row elementRow = elementById(element.elementId(), pageId);
			assertThat(elementRow).as(element.elementId()).isNotNull();
			assertThat(elementRow.getInt("position")).isEqualTo(element.position());
			assertThat(elementRow.getString("type")).isEqualTo(element.type().name());
			assertThat(elementRow.getString("body")).isEqualTo(row.getString("body"));
		}
	}

	private List<Long> elementsByPageWriteTimes(String pageId) {
		return this.session
			.execute("SELECT writetime(body) AS written FROM marquee_read.elements_by_page "
					+ "WHERE page_id = ? AND stage = ?", pageId, Stage.PUBLISHED.name())
			.all()
			.stream()
			.map((row) -> row.getLong("written"))
			.toList();
	}

	private long elementRowVersion(String pageId, String elementId) {
		Row row = this.session
			.execute(
					"SELECT content_version, writetime(body) AS written FROM marquee_read.element_by_id "
							+ "WHERE element_id = ? AND stage = ? AND page_id = ?",
					pageId + "-" + elementId, Stage.PUBLISHED.name(), pageId)
			.one();
		assertThat(row).isNotNull();
		assertThat(row.getLong("content_version")).isEqualTo(row.getLong("written"));
		return row.getLong("written");
	}

	private static String text(Element element) {
		return element.text().get("html");
	}

	private static PageChanged upsert(String pageId, String slug, long version, String... elements) {
		return PageChanged.upserted(page(pageId, slug, version, elements), null);
	}

	private static Page page(String pageId, String slug, long version, String... elements) {
		List<Element> list = new ArrayList<>();
		for (int i = 0; i < elements.length; i++) {
			String[] parts = elements[i].split(":", 2);
			list.add(new Element(pageId + "-" + parts[0], ElementType.RICH_TEXT, i, Map.of("html", parts[1]), List.of(),
					List.of(), List.of()));
		}
		return new Page(pageId, slug, Stage.PUBLISHED, "article", "Title " + version, null, list, version,
				version / 1000, Instant.ofEpochSecond(version / 1_000_000), "trace-" + version);
	}

}
