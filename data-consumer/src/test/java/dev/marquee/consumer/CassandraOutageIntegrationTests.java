package dev.marquee.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.datastax.oss.driver.api.core.cql.Row;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.testsupport.RealInfrastructure;

import static dev.marquee.consumer.TestChanges.BASE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cassandra stops in the middle of a stream of 1,000 records and comes back after about
 * 30 seconds: the consumer neither skips nor dead-letters anything meanwhile, reports the
 * outage in its health, and applies every record exactly as a run without outage would.
 */
class CassandraOutageIntegrationTests extends IntegrationTestSupport {

	private static final Logger logger = LoggerFactory.getLogger(CassandraOutageIntegrationTests.class);

	private static final String PREFIX = "outage-";

	private static final int RECORDS = 1000;

	@Test
	void everyRecordIsAppliedAfterCassandraComesBack() {
		List<PageChanged> changes = new ArrayList<>();
		for (int i = 0; i < RECORDS; i++) {
			changes.add(TestChanges.upsert(PREFIX + "page-" + i, PREFIX + "slug-" + i, BASE_VERSION + 50_000_000 + i,
					1 + (i % 3)));
		}
		double deadLettersBefore = counter("marquee.consumer.dead.letters");
		List<RecordMetadata> written = new ArrayList<>(publishAll(Topics.PAGE_CHANGES, changes.subList(0, 300)));
		await().atMost(Duration.ofSeconds(60)).until(() -> publishedPages(PREFIX).size() >= 50);

		RealInfrastructure.stopCassandra();
		try {
			written.addAll(publishAll(Topics.PAGE_CHANGES, changes.subList(300, RECORDS)));
			await().atMost(Duration.ofSeconds(60)).until(() -> status("consumer").equals("DOWN"));
			assertThat(status("cassandra")).isEqualTo("DOWN");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> health().at("/components/consumer/details/backlog").asLong() > 0);
			double appliedInOutage = counter("marquee.consumer.records.applied");
			// Nothing is applied, skipped or dead-lettered while Cassandra is down: the
			// consumer waits.
			await().during(Duration.ofSeconds(25))
				.atMost(Duration.ofSeconds(40))
				.until(() -> counter("marquee.consumer.records.applied") == appliedInOutage
						&& counter("marquee.consumer.dead.letters") == deadLettersBefore);
		}
		finally {
			RealInfrastructure.startCassandra();
		}

		long restartedAt = System.nanoTime();
		double appliedBeforeDrain = counter("marquee.consumer.records.applied");
		// The test's own session reconnects like the consumer's: until it has, its
		// queries fail too.
		await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> applied(Topics.PAGE_CHANGES, written));
		double drainSeconds = (System.nanoTime() - restartedAt) / 1e9;
		logger.info("Backlog of {} records drained {} s after Cassandra was back ({} records/s)",
				counter("marquee.consumer.records.applied") - appliedBeforeDrain, String.format("%.1f", drainSeconds),
				String.format("%.0f",
						(counter("marquee.consumer.records.applied") - appliedBeforeDrain) / drainSeconds));
		Map<String, Long> versions = publishedPages(PREFIX).stream()
			.collect(Collectors.toMap((row) -> row.getString("page_id"), (row) -> row.getLong("content_version")));
		assertThat(versions).hasSize(RECORDS);
		for (PageChanged change : changes) {
			assertThat(versions.get(change.pageId())).isEqualTo(change.contentVersion());
		}
		Row sample = pageBySlug(PREFIX + "slug-" + (RECORDS - 1));
		assertThat(sample.getInt("element_count")).isEqualTo(1 + ((RECORDS - 1) % 3));
		assertThat(elementIds(PREFIX + "page-" + (RECORDS - 1))).hasSize(1 + ((RECORDS - 1) % 3));
		assertThat(counter("marquee.consumer.dead.letters")).isEqualTo(deadLettersBefore);
		await().atMost(Duration.ofSeconds(60)).until(() -> status("consumer").equals("UP"));
	}

	private JsonNode health() {
		// Components and details are for ADMIN only.
		return MarqueeJson.mapper().readTree(http("GET", "/actuator/health", ADMIN).body());
	}

	private String status(String component) {
		return health().at("/components/" + component + "/status").asString();
	}

}
