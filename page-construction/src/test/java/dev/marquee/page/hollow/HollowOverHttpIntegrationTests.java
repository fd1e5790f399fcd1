package dev.marquee.page.hollow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Hollow consumer fed over HTTP (blobs, long-poll announcements and the write log, as
 * the hollow-producer serves them), started after several states were produced and the
 * log truncated.
 */
class HollowOverHttpIntegrationTests extends IntegrationTestSupport {

	private static final Path BLOBS;

	private static final TestWriteLog LOG;

	private static final HollowBlobHttpServer SERVER;

	private static final long STARTUP_OFFSET;

	static {
		try {
			BLOBS = Files.createTempDirectory("marquee-page-http-blobs");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Snapshots only every 5 states: a consumer starting late must apply a snapshot
		// and then deltas.
		LOG = new TestWriteLog(BLOBS);
		long offset = 0;
		for (int edit = 1; edit <= 3; edit++) {
			offset = produce(page("hh-1", "hh-late", Stage.PUBLISHED, nextVersion(), "Edit " + edit));
		}
		// The log no longer holds what the state does: the follower starting from nothing
		// must resynchronise.
		LOG.truncate();
		STARTUP_OFFSET = offset;
		SERVER = new HollowBlobHttpServer(BLOBS, LOG);
		SERVER.start();
	}

	@DynamicPropertySource
	static void producerOverHttp(DynamicPropertyRegistry registry) {
		registry.add("marquee.hollow.producer-url", SERVER::url);
		registry.add("marquee.hollow.long-poll-timeout", () -> "2s");
	}

	@AfterAll
	static void stopServer() {
		SERVER.stop();
	}

	/**
	 * Writes pages to the log and folds them into a state at once, as a producer cycling
	 * per write would.
	 */
	static synchronized long produce(Page... pages) {
		for (Page page : pages) {
			LOG.upsert(page);
		}
		return LOG.cycle();
	}

	@Test
	void aConsumerStartingLaterLoadsTheLatestState() {
		HttpResponse<String> response = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/hh-late?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);
		assertThat(heading(response)).isEqualTo("Edit 3");
		assertThat(json(get("/api/status", null)).path("paths").path("HOLLOW").path("stateOffset").asLong())
			.isGreaterThanOrEqualTo(STARTUP_OFFSET);
	}

	@Test
	void callsToTheProducerAreTimedAsHttpClientRequests() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/hh-late?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);

		// A long-poll is timed when it answers: a new log entry answers the follower's
		// poll in flight.
		produce(page("hh-3", "hh-timed", Stage.PUBLISHED, nextVersion(), "Timed"));

		// Blob downloads, announcement long-polls and the log follower, observed (metrics
		// and traceparent).
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/actuator/prometheus", null).body())
				.containsPattern("http_client_requests_seconds_count\\{[^}]*uri=\"/v1/blobs[^\"]*\"")
				.containsPattern("http_client_requests_seconds_count\\{[^}]*uri=\"/v1/log\""));
	}

	@Test
	void aPreviewWithATokenSeesTheWriteOverHttp() {
		long content = nextVersion();
		long offset = produce(page("hh-2", "hh-preview", Stage.PREVIEW, content, "Over HTTP"));
		String token = new ConsistencyToken(Map.of(), offset, Map.of("hh-2", content)).encode();
		HttpResponse<String> preview = get("/preview/pages/hh-preview?readPath=HOLLOW", EDITOR,
				MarqueeHeaders.CONSISTENCY_TOKEN, token);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(heading(preview)).isEqualTo("Over HTTP");
	}

	@Test
	void keepsServingWhileTheProducerIsDownAndCatchesUpWhenItReturns() {
		produce(page("hh-3", "hh-outage", Stage.PUBLISHED, nextVersion(), "Before outage"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> heading(get("/pages/hh-outage?readPath=HOLLOW", null)), "Before outage"::equals);
		LOG.unavailable(true);
		SERVER.stop();
		try {
			produce(page("hh-3", "hh-outage", Stage.PUBLISHED, nextVersion(), "After outage"));
			HttpResponse<String> during = get("/pages/hh-outage?readPath=HOLLOW", null);
			assertThat(during.statusCode()).isEqualTo(200);
			assertThat(heading(during)).isEqualTo("Before outage");
		}
		finally {
			LOG.unavailable(false);
			SERVER.start();
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> heading(get("/pages/hh-outage?readPath=HOLLOW", null)), "After outage"::equals);
	}

	@Test
	void recordsPropagationOfEveryEditLearnedByLongPoll() {
		long before = json(get("/api/propagation", null)).path("paths").path("HOLLOW").path("count").asLong();
		for (int edit = 0; edit < 10; edit++) {
			String heading = "Propagated " + edit;
			produce(page("hh-4", "hh-propagation", Stage.PUBLISHED, nextVersion(), heading));
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> heading(get("/pages/hh-propagation?readPath=HOLLOW", null)), heading::equals);
		}
		var hollow = json(get("/api/propagation", null)).path("paths").path("HOLLOW");
		System.out.println("HOLLOW propagation over HTTP long-poll: " + hollow);
		assertThat(hollow.path("count").asLong()).isGreaterThanOrEqualTo(before + 10);
		// Ingestion time -> readable includes the producer cycle; generous bound for a
		// loaded 2-core machine.
		assertThat(hollow.path("p99Ms").asDouble()).isLessThan(5_000);
	}

}
