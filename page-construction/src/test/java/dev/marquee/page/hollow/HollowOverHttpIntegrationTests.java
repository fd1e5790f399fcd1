package dev.marquee.page.hollow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemAnnouncer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Hollow consumer fed over HTTP (blobs and long-poll announcements, as the hollow-producer serves them),
 * started after several states were produced.
 */
class HollowOverHttpIntegrationTests extends IntegrationTestSupport {

	private static final Path BLOBS;

	private static final HollowProducer PRODUCER;

	private static final HollowBlobHttpServer SERVER;

	private static final Map<String, Page> PAGES = new LinkedHashMap<>();

	private static final long STARTUP_VERSION;

	static {
		try {
			BLOBS = Files.createTempDirectory("marquee-page-http-blobs");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Snapshots only every 10 states: a consumer starting late must apply a snapshot and then deltas.
		PRODUCER = HollowProducer.withPublisher(new HollowFilesystemPublisher(BLOBS))
			.withAnnouncer(new HollowFilesystemAnnouncer(BLOBS))
			.withNumStatesBetweenSnapshots(10)
			.build();
		PRODUCER.initializeDataModel(HollowPage.class);
		long version = 0;
		for (int edit = 1; edit <= 3; edit++) {
			version = produce(page("hh-1", "hh-late", Stage.PUBLISHED, nextVersion(), "Edit " + edit));
		}
		STARTUP_VERSION = version;
		SERVER = new HollowBlobHttpServer(BLOBS);
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

	static synchronized long produce(Page... pages) {
		for (Page page : pages) {
			PAGES.put(page.pageId() + "/" + page.stage(), page);
		}
		return PRODUCER.runCycle((state) -> PAGES.values().forEach((page) -> state.add(HollowPages.toHollow(page))));
	}

	@Test
	void aConsumerStartingLaterLoadsTheLatestState() {
		HttpResponse<String> response = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/hh-late?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);
		assertThat(heading(response)).isEqualTo("Edit 3");
		assertThat(json(get("/api/status", null)).path("paths").path("HOLLOW").path("version").asLong())
			.isGreaterThanOrEqualTo(STARTUP_VERSION);
	}

	@Test
	void aPreviewWithATokenSeesTheWriteOverHttp() {
		long content = nextVersion();
		long version = produce(page("hh-2", "hh-preview", Stage.PREVIEW, content, "Over HTTP"));
		String token = new ConsistencyToken(Map.of(), version, Map.of("hh-2", content)).encode();
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
		SERVER.stop();
		try {
			produce(page("hh-3", "hh-outage", Stage.PUBLISHED, nextVersion(), "After outage"));
			HttpResponse<String> during = get("/pages/hh-outage?readPath=HOLLOW", null);
			assertThat(during.statusCode()).isEqualTo(200);
			assertThat(heading(during)).isEqualTo("Before outage");
		}
		finally {
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
		// Ingestion time -> readable includes the producer cycle; generous bound for a loaded 2-core machine.
		assertThat(hollow.path("p99Ms").asDouble()).isLessThan(5_000);
	}

}
