package dev.marquee.ingestion;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.marquee.ingestion.CassandraRequests.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many Cassandra requests, and how many sequential waits for them, a webhook makes on
 * the write-side store: most of a webhook's answer time is waiting, so a wait added back
 * to the critical path fails here. Counted on the real Cassandra
 * ({@link CassandraRequests}); the time is only logged, the benchmark measures it.
 */
class WriteStoreRoundTripsIntegrationTests extends IngestionIntegrationTestSupport {

	private static final Logger logger = LoggerFactory.getLogger(WriteStoreRoundTripsIntegrationTests.class);

	// Reads together; the document before publishing; the rendered rows, render problems
	// and state together after it; the delivery last.
	private static final int EDIT_WAITS = 4;

	// delivery, state, rendered rows, slug owner x2, dependencies, slug claims; document;
	// rendered rows and problems, state; delivery.
	private static final int EDIT_REQUESTS = 11;

	@Test
	void anEditOfAPageWaitsForTheStoreFourTimes() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		assertThat(deliveries.post(Deliveries.homePage(page, "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);

		CassandraRequests.start();
		HttpResponse<String> edit = deliveries.post(Deliveries.homePage(page, "publish", 2, ids[0], ids[1]));
		List<Recorded> requests = CassandraRequests.stop();

		assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
		String listed = String.join("\n", requests.stream().map(Recorded::cql).toList());
		logger.info("A page edit made {} Cassandra request(s) in {} sequential wait(s):\n{}", requests.size(),
				CassandraRequests.sequentialWaits(requests), listed);
		assertThat(CassandraRequests.sequentialWaits(requests)).as(listed).isLessThanOrEqualTo(EDIT_WAITS);
		assertThat(requests).as(listed).hasSizeLessThanOrEqualTo(EDIT_REQUESTS);
		// The delivery is recorded last, after every write it depends on was
		// acknowledged.
		Recorded last = requests.get(requests.size() - 1);
		assertThat(last.cql()).startsWith("INSERT INTO marquee_write.deliveries");
		assertThat(requests.subList(0, requests.size() - 1))
			.allSatisfy((earlier) -> assertThat(earlier.answeredNanos()).isLessThan(last.sentNanos()));
	}

	@Test
	void aNewPageAndARenameClaimTheirSlugInBothStagesAtOnce() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		// Another page renders the catalog first: a rendering reads a catalog document
		// the cache misses when it needs it.
		assertThat(deliveries.post(Deliveries.homePage(unique("home"), "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);
		String page = unique("home");

		// Reads; index rows then claims (both stages at once); document with its
		// dependencies; rendered rows and state; delivery.
		List<Recorded> created = recorded(deliveries, Deliveries.homePage(page, "publish", 1, ids[0], ids[1]));
		assertThat(CassandraRequests.sequentialWaits(created)).as(listed(created)).isLessThanOrEqualTo(6);

		// As a new page, and the old slug is given back after publishing (claim, then its
		// index row) together with the rendered rows and the state.
		String renamed = Deliveries.homePage(page, "publish", 2, ids[0], ids[1])
			.replace("\"slug\":\"" + page + "\"", "\"slug\":\"" + page + "-renamed\"");
		List<Recorded> rename = recorded(deliveries, renamed);
		assertThat(CassandraRequests.sequentialWaits(rename)).as(listed(rename)).isLessThanOrEqualTo(7);
		assertThat(rename).extracting(Recorded::cql)
			.filteredOn((cql) -> cql.startsWith("DELETE FROM marquee_write.slug_claims "))
			.hasSize(2);
	}

	private static List<Recorded> recorded(Deliveries deliveries, String body) {
		CassandraRequests.start();
		HttpResponse<String> response = deliveries.post(body);
		List<Recorded> requests = CassandraRequests.stop();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		logger.info("{} Cassandra request(s) in {} sequential wait(s):\n{}", requests.size(),
				CassandraRequests.sequentialWaits(requests), listed(requests));
		return requests;
	}

	private static String listed(List<Recorded> requests) {
		return String.join("\n", requests.stream().map(Recorded::cql).toList());
	}

	@Test
	void logsTheTimeOfAPageEdit() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		List<Long> micros = new ArrayList<>();
		for (int version = 1; version <= 21; version++) {
			long started = System.nanoTime();
			HttpResponse<String> response = deliveries
				.post(Deliveries.homePage(page, "publish", version, ids[0], ids[1]));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			if (version > 1) {
				micros.add((System.nanoTime() - started) / 1000);
			}
		}
		micros.sort(null);
		logger.info("Page edit round trip (stub hollow-producer, local Kafka and Cassandra): median {} us, max {} us",
				micros.get(micros.size() / 2), micros.get(micros.size() - 1));
	}

}
