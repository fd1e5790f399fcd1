package dev.marquee.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.cql.Row;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;

import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.testsupport.RealInfrastructure;

import static dev.marquee.consumer.TestChanges.BASE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's acceptance lines for single records, on the real Kafka broker and
 * Cassandra node.
 */
class PageChangesIntegrationTests extends IntegrationTestSupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void publishedRecordIsReadableFromEveryReadTable() {
		PageChanged change = TestChanges.upsert("pc-a", "pc-a-slug", BASE_VERSION + 10, 3);
		RecordMetadata written = publish(change);

		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-a-slug") != null);
		Row page = pageBySlug("pc-a-slug");
		assertThat(page.getString("page_id")).isEqualTo("pc-a");
		assertThat(page.getString("title")).isEqualTo(change.page().title());
		assertThat(page.getString("summary")).isEqualTo("Summary " + (BASE_VERSION + 10));
		assertThat(page.getInt("element_count")).isEqualTo(3);
		assertThat(page.getLong("content_version")).isEqualTo(BASE_VERSION + 10);
		assertThat(elementIds("pc-a")).containsExactly("pc-a-e0", "pc-a-e1", "pc-a-e2");
		assertThat(elementById("pc-a-e1").getString("body")).contains("pc-a v" + (BASE_VERSION + 10) + " #1");
		assertThat(pageByStage("pc-a-slug").getLong("content_version")).isEqualTo(BASE_VERSION + 10);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.session
				.execute("SELECT applied_offset FROM marquee_read.applied_watermarks WHERE topic = ? AND partition = ?",
						Topics.PAGE_CHANGES, written.partition())
				.one()
				.getLong("applied_offset")).isGreaterThanOrEqualTo(written.offset()));
	}

	@Test
	void duplicateOrOlderVersionNeverOverwritesNewer() {
		long v1 = BASE_VERSION + 100;
		long v2 = BASE_VERSION + 200;
		PageChanged newer = TestChanges.upsert("pc-b", "pc-b-slug", v2, 2);
		publish(newer);
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-b-slug") != null);

		// An older version with more elements and a summary, then a duplicate of the
		// newer one, then a marker.
		publish(TestChanges.upsert("pc-b", "pc-b-slug", v1, 4));
		publish(newer);
		publish(TestChanges.upsert("pc-b-marker", "pc-b-marker-slug", v1, 1));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-b-marker-slug") != null);

		Row page = pageBySlug("pc-b-slug");
		assertThat(page.getLong("content_version")).isEqualTo(v2);
		assertThat(page.getInt("element_count")).isEqualTo(2);
		assertThat(page.getString("title")).isEqualTo(newer.page().title());
		assertThat(elementIds("pc-b")).containsExactly("pc-b-e0", "pc-b-e1");
		assertThat(elementById("pc-b-e2")).isNull();
		assertThat(elementById("pc-b-e0").getLong("content_version")).isEqualTo(v2);
		assertThat(pageByStage("pc-b-slug").getLong("content_version")).isEqualTo(v2);
	}

	@Test
	void newerVersionReplacesElementsRenamesAndClearsSummary() {
		long v1 = BASE_VERSION + 300;
		long v2 = BASE_VERSION + 400;
		publish(TestChanges.upsert("pc-c", "pc-c-old", v1, 4));
		await().atMost(TIMEOUT).until(() -> elementIds("pc-c").size() == 4);

		publish(TestChanges.renamed("pc-c", "pc-c-new", "pc-c-old", v2, 2));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-c-new") != null);

		assertThat(pageBySlug("pc-c-old")).isNull();
		assertThat(pageByStage("pc-c-old")).isNull();
		assertThat(pageBySlug("pc-c-new").getString("summary")).isNull();
		assertThat(elementIds("pc-c")).containsExactly("pc-c-e0", "pc-c-e1");
		assertThat(elementById("pc-c-e3")).isNull();
	}

	@Test
	void deleteHidesThePageAndAnOlderUpsertCannotResurrectIt() {
		long v1 = BASE_VERSION + 500;
		long deletedAt = BASE_VERSION + 600;
		publish(TestChanges.upsert("pc-d", "pc-d-slug", v1, 2));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-d-slug") != null);

		publish(TestChanges.deleted("pc-d", "pc-d-slug", deletedAt));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-d-slug") == null);
		assertThat(pageByStage("pc-d-slug")).isNull();
		assertThat(elementIds("pc-d")).isEmpty();
		assertThat(elementById("pc-d-e0")).isNull();

		publish(TestChanges.upsert("pc-d", "pc-d-slug", v1, 2));
		publish(TestChanges.upsert("pc-d-marker", "pc-d-marker-slug", v1, 1));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-d-marker-slug") != null);
		assertThat(pageBySlug("pc-d-slug")).isNull();
		assertThat(elementIds("pc-d")).isEmpty();
	}

	@Test
	void pagesSharingAnElementIdEachKeepTheirOwnElementRow() {
		// Element ids come from the CMS and are only unique within a page.
		publish(PageChanged
			.upserted(TestChanges.page("pc-e1", "pc-e1-slug", Stage.PUBLISHED, BASE_VERSION + 1100, 1, null), null));
		await().atMost(TIMEOUT).until(() -> elementById("pc-e1-e0") != null);
		PageChanged other = PageChanged.upserted(
				withElementIds(TestChanges.page("pc-e2", "pc-e2-slug", Stage.PUBLISHED, BASE_VERSION + 1200, 1, null),
						"pc-e1-e0"),
				null);
		publish(other);
		await().atMost(TIMEOUT).until(() -> elementById("pc-e1-e0", "pc-e2") != null);
		assertThat(elementById("pc-e1-e0", "pc-e1")).isNotNull();

		publish(TestChanges.upsert("pc-e1", "pc-e1-slug", BASE_VERSION + 1300, 0));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-e1-slug").getInt("element_count") == 0);
		assertThat(elementById("pc-e1-e0", "pc-e1")).isNull();
		assertThat(elementById("pc-e1-e0", "pc-e2")).isNotNull();
	}

	private static Page withElementIds(Page page, String elementId) {
		Element first = page.elements().get(0);
		Element renamed = new Element(elementId, first.type(), first.position(), first.text(), first.images(),
				first.titles(), first.talent());
		return new Page(page.pageId(), page.slug(), page.stage(), page.template(), page.title(), page.summary(),
				List.of(renamed), page.contentVersion(), page.sourceVersion(), page.ingestedAt(), page.traceId());
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsAreApplied() {
		double deadLettersBefore = counter("marquee.consumer.dead.letters");
		String key = "pc-poison";
		RecordMetadata garbage = send(Topics.PAGE_CHANGES, key, "{not json".getBytes(StandardCharsets.UTF_8));
		PageChanged mismatched = TestChanges.upsert("pc-other", "pc-poison-slug", BASE_VERSION + 700, 1);
		RecordMetadata wrongKey = send(Topics.PAGE_CHANGES, key, MarqueeJson.write(mismatched));
		String invalidJson = "{\"kind\":\"UPSERTED\",\"pageId\":\"pc-poison\","
				+ "\"stage\":\"PUBLISHED\",\"slug\":\"x\",\"contentVersion\":1}";
		RecordMetadata invalid = send(Topics.PAGE_CHANGES, key, invalidJson.getBytes(StandardCharsets.UTF_8));
		publish(TestChanges.upsert(key, "pc-poison-after", BASE_VERSION + 800, 1));

		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-poison-after") != null);
		await().atMost(TIMEOUT).until(() -> counter("marquee.consumer.dead.letters") >= deadLettersBefore + 3);

		Map<Long, ConsumerRecord<String, byte[]>> deadLetters = deadLetters(garbage.partition(), key, 3);
		assertThat(deadLetters.keySet()).containsExactlyInAnyOrder(garbage.offset(), wrongKey.offset(),
				invalid.offset());
		ConsumerRecord<String, byte[]> deadGarbage = deadLetters.get(garbage.offset());
		assertThat(deadGarbage.value()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
		assertThat(header(deadGarbage, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.PAGE_CHANGES);
		assertThat(header(deadGarbage, KafkaHeaders.DLT_EXCEPTION_FQCN)
				+ header(deadGarbage, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
			.contains("DeserializationException");
		assertThat(header(deadGarbage, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
		ConsumerRecord<String, byte[]> deadWrongKey = deadLetters.get(wrongKey.offset());
		assertThat(header(deadWrongKey, KafkaHeaders.DLT_EXCEPTION_FQCN)
				+ header(deadWrongKey, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
			.contains("InvalidPageChangeException");
		assertThat(MarqueeJson.readPageChanged(deadWrongKey.value())).isEqualTo(mismatched);
		assertThat(pageBySlug("pc-poison-slug")).isNull();
		assertThat(pageBySlug("x")).isNull();
	}

	@Test
	void redriveReplaysDeadLettersOntoTheMainTopic() {
		// A valid change that was dead-lettered, e.g. during a bug that has been fixed
		// since.
		PageChanged change = TestChanges.upsert("pc-redrive", "pc-redrive-slug", BASE_VERSION + 900, 2);
		send(Topics.PAGE_CHANGES_DLT, change.pageId(), MarqueeJson.write(change));

		var denied = http("POST", "/admin/dlt/redrive", null);
		assertThat(denied.statusCode()).isEqualTo(401);
		assertThat(denied.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		assertThat(http("POST", "/admin/dlt/redrive", "editor:marquee-editor-local").statusCode()).isEqualTo(403);

		var redriven = http("POST", "/admin/dlt/redrive", ADMIN);
		assertThat(redriven.statusCode()).isEqualTo(200);
		assertThat(redriven.body()).contains("\"redriven\"");
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-redrive-slug") != null);
	}

	@Test
	void healthAndPrometheusMetricsAreOpen() {
		publish(TestChanges.upsert("pc-metrics", "pc-metrics-slug", BASE_VERSION + 1000, 1));
		await().atMost(TIMEOUT).until(() -> pageBySlug("pc-metrics-slug") != null);
		await().atMost(TIMEOUT).untilAsserted(() -> {
			var health = http("GET", "/actuator/health", ADMIN);
			assertThat(health.body()).contains("\"consumer\"", "\"backlog\"", "\"cassandra\"");
			assertThat(http("GET", "/actuator/health", null).body()).doesNotContain("\"consumer\"");
		});
		var prometheus = http("GET", "/actuator/prometheus", null);
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("marquee_consumer_records_applied_total", "marquee_consumer_apply",
				"marquee_cassandra_row_visible_seconds_bucket", "marquee_consumer_lag",
				"marquee_consumer_dead_letters_total");
		assertThat(http("GET", "/v3/api-docs", null).body()).contains("/admin/rebuild");
	}

	private static Map<Long, ConsumerRecord<String, byte[]>> deadLetters(int partition, String key, int expected) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<Long, ConsumerRecord<String, byte[]>> found = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition dlt = new TopicPartition(Topics.PAGE_CHANGES_DLT, partition);
			consumer.assign(List.of(dlt));
			consumer.seekToBeginning(List.of(dlt));
			await().atMost(TIMEOUT).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						long originalOffset = Long.parseLong(header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET));
						found.put(originalOffset, record);
					}
				}
				return found.size() >= expected;
			});
		}
		return found;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			return "";
		}
		byte[] value = header.value();
		// spring-kafka writes partition and offset headers as binary numbers.
		if (value.length == 8 && name.equals(KafkaHeaders.DLT_ORIGINAL_OFFSET)) {
			return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
		}
		return new String(value, StandardCharsets.UTF_8);
	}

}
