package dev.marquee.page.hollow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;
import dev.marquee.page.PageConstructionApplication;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two page-construction instances (this test's context and a second one) following one
 * write log, served by a faithful stand-in of the hollow-producer's {@code GET /v1/log}
 * while a real Hollow producer writes the states the log is folded into. Cycles run only
 * when a test asks, so "readable before any state contains it" is provable.
 */
class HollowOverlayIntegrationTests extends IntegrationTestSupport {

	private static final Path BLOBS = temporary("marquee-overlay-blobs");

	private static final TestWriteLog LOG = new TestWriteLog(BLOBS);

	private static final HollowBlobHttpServer SERVER;

	private static ConfigurableApplicationContext second;

	private static int secondPort;

	static {
		LOG.upsert(page("ov-0", "ov-base", Stage.PUBLISHED, nextVersion(), "Base"));
		LOG.cycle();
		SERVER = new HollowBlobHttpServer(BLOBS, LOG);
		SERVER.start();
	}

	@DynamicPropertySource
	static void producerWithLog(DynamicPropertyRegistry registry) {
		registry.add("marquee.hollow.producer-url", SERVER::url);
		registry.add("marquee.hollow.long-poll-timeout", () -> "2s");
	}

	@BeforeAll
	static void startSecondInstance() {
		// Command-line arguments: they win over application.yml (builder properties would
		// not).
		second = new SpringApplicationBuilder(PageConstructionApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--marquee.home=" + temporary("marquee-overlay-home-b"),
				"--marquee.hollow.producer-url=" + SERVER.url(), "--marquee.hollow.long-poll-timeout=2s",
				"--marquee.preview.max-wait=2s",
				"--spring.cassandra.contact-points=" + RealInfrastructure.cassandraContactPoint(),
				"--spring.cassandra.local-datacenter=" + RealInfrastructure.CASSANDRA_DATACENTER);
		secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopSecondInstanceAndServer() {
		if (second != null) {
			second.close();
		}
		SERVER.stop();
	}

	@Test
	void aWriteIsReadableThroughTheOverlayOnBothInstancesBeforeAnyStateContainsIt() {
		long version = nextVersion();
		long offset = LOG.upsert(page("ov-1", "ov-new", Stage.PUBLISHED, version, "Fresh"));
		for (int port : ports()) {
			HttpResponse<String> response = await().atMost(Duration.ofSeconds(20))
				.until(() -> getAt(port, "/pages/ov-new?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);
			assertThat(heading(response)).isEqualTo("Fresh");
			assertThat(response.headers().firstValue("ETag")).contains("\"" + version + "\"");
			assertThat(getAt(port, "/pages/ov-new?readPath=HOLLOW", null, "If-None-Match", "\"" + version + "\"")
				.statusCode()).isEqualTo(304);
			JsonNode hollow = hollowStatus(port);
			assertThat(hollow.path("overlay").path("appliedOffset").asLong()).isGreaterThanOrEqualTo(offset);
			assertThat(hollow.path("overlay").path("entries").asInt()).isPositive();
			assertThat(hollow.path("stateOffset").asLong()).isLessThan(offset);
		}
		// no Hollow state contains the write yet: it was read through the overlay
		assertThat(LOG.stateOffset()).isLessThan(offset);
		assertThat(get("/actuator/prometheus", null).body())
			.containsPattern("marquee_hollow_overlay_entries(\\{[^}]*\\})? [1-9]");
		assertThat(json(get("/api/propagation", null)).path("recentEdits").toString()).contains("ov-new");
		long foldedBefore = json(get("/api/propagation", null)).path("folded").path("HOLLOW").path("count").asLong();
		long state = LOG.cycle();
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> hollowStatus(port).path("stateOffset").asLong() >= state);
			// the state now holds every entry: the overlay dropped them, and the page is
			// still served
			assertThat(hollowStatus(port).path("overlay").path("entries").asInt()).isZero();
			assertThat(heading(getAt(port, "/pages/ov-new?readPath=HOLLOW", null))).isEqualTo("Fresh");
		}
		assertThat(json(get("/api/propagation", null)).path("folded").path("HOLLOW").path("count").asLong())
			.isGreaterThan(foldedBefore);
	}

	@Test
	void renamesRemovalsAndNewPagesAreCorrectOnBothInstances() {
		long version = nextVersion();
		LOG.upsert(page("ov-r", "ov-old-slug", Stage.PUBLISHED, version, "Before rename"));
		LOG.upsert(page("ov-d", "ov-doomed", Stage.PUBLISHED, version, "Doomed"));
		long base = LOG.cycle();
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(20)).until(() -> hollowStatus(port).path("stateOffset").asLong() >= base);
			assertThat(getAt(port, "/pages/ov-old-slug?readPath=HOLLOW", null).statusCode()).isEqualTo(200);
			assertThat(getAt(port, "/pages/ov-doomed?readPath=HOLLOW", null).statusCode()).isEqualTo(200);
		}
		LOG.upsert(page("ov-r", "ov-new-slug", Stage.PUBLISHED, nextVersion(), "After rename"), "ov-old-slug");
		LOG.remove("ov-d", Stage.PUBLISHED, "ov-doomed", nextVersion());
		long last = LOG.upsert(page("ov-n", "ov-brand-new", Stage.PUBLISHED, nextVersion(), "Brand new"));
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> hollowStatus(port).path("overlay").path("appliedOffset").asLong() >= last);
			assertRenamedRemovedAndAdded(port);
		}
		assertThat(LOG.stateOffset()).isLessThan(last);
		long folded = LOG.cycle();
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> hollowStatus(port).path("stateOffset").asLong() >= folded);
			assertRenamedRemovedAndAdded(port);
		}
	}

	@Test
	void aPreviewWithATokenAnswersTheWriteOnTheOtherInstanceAndNeverOlder() {
		for (int edit = 0; edit < 10; edit++) {
			long version = nextVersion();
			String heading = "Read your write " + edit;
			long offset = LOG.upsert(page("ov-t", "ov-token", Stage.PREVIEW, version, heading));
			String token = new ConsistencyToken(Map.of(), offset, Map.of("ov-t", version)).encode();
			int port = (edit % 2 == 0) ? secondPort : this.port;
			HttpResponse<String> preview = getAt(port, "/preview/pages/ov-token?readPath=HOLLOW", EDITOR,
					MarqueeHeaders.CONSISTENCY_TOKEN, token);
			assertThat(preview.statusCode()).isEqualTo(200);
			assertThat(heading(preview)).isEqualTo(heading);
			assertThat(preview.headers().firstValue(MarqueeHeaders.CONTENT_VERSION)).contains(Long.toString(version));
		}
		String ahead = new ConsistencyToken(Map.of(), LOG.head() + 1_000, Map.of()).encode();
		HttpResponse<String> behind = getAt(secondPort, "/preview/pages/ov-token?readPath=HOLLOW", EDITOR,
				MarqueeHeaders.CONSISTENCY_TOKEN, ahead);
		assertThat(behind.statusCode()).isEqualTo(503);
		assertThat(json(behind).path("unit").asString()).isEqualTo("log offsets");
	}

	@Test
	void aFollowerBehindTruncationResynchronisesAndServesWhileTheProducerIsDown() {
		LOG.upsert(page("ov-f", "ov-follow", Stage.PUBLISHED, nextVersion(), "Before outage"));
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> heading(getAt(port, "/pages/ov-follow?readPath=HOLLOW", null)), "Before outage"::equals);
		}
		long[] resyncs = { hollowStatus(this.port).path("overlay").path("resyncs").asLong(),
				hollowStatus(secondPort).path("overlay").path("resyncs").asLong() };
		LOG.unavailable(true);
		SERVER.stop();
		try {
			for (int port : ports()) {
				await().atMost(Duration.ofSeconds(20))
					.until(() -> !hollowStatus(port).path("overlay").path("logConnected").asBoolean());
			}
			LOG.upsert(page("ov-f", "ov-follow", Stage.PUBLISHED, nextVersion(), "Folded while away"));
			LOG.cycle();
			LOG.truncate();
			LOG.upsert(page("ov-a", "ov-after-truncation", Stage.PUBLISHED, nextVersion(), "After truncation"));
			for (int port : ports()) {
				HttpResponse<String> during = getAt(port, "/pages/ov-follow?readPath=HOLLOW", null);
				assertThat(during.statusCode()).isEqualTo(200);
				assertThat(heading(during)).isEqualTo("Before outage");
			}
		}
		finally {
			LOG.unavailable(false);
			SERVER.start();
		}
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> heading(getAt(port, "/pages/ov-follow?readPath=HOLLOW", null)),
						"Folded while away"::equals);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> getAt(port, "/pages/ov-after-truncation?readPath=HOLLOW", null).statusCode() == 200);
			assertThat(heading(getAt(port, "/pages/ov-after-truncation?readPath=HOLLOW", null)))
				.isEqualTo("After truncation");
		}
		// Each follower either got 410 and resynchronised, or its consumer installed the
		// new state first (which
		// moved its applied offset past the truncation): both continue from the state's
		// offset without a gap.
		long head = LOG.head();
		for (int port : ports()) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> hollowStatus(port).path("overlay").path("appliedOffset").asLong() >= head);
		}
		System.out.println("resyncs after the outage: "
				+ (hollowStatus(this.port).path("overlay").path("resyncs").asLong() - resyncs[0]) + " and "
				+ (hollowStatus(secondPort).path("overlay").path("resyncs").asLong() - resyncs[1]));
	}

	@Test
	void withTheOverlaySwitchedOffReadsAndTokenWaitsUseOnlyInstalledStates() throws Exception {
		HttpResponse<String> off = putAt(this.port, "/admin/hollow/overlay", "{\"enabled\":false}", ADMIN);
		assertThat(off.statusCode()).isEqualTo(200);
		assertThat(json(off).path("enabled").asBoolean()).isFalse();
		assertThat(putAt(this.port, "/admin/hollow/overlay", "{\"enabled\":false}", EDITOR).statusCode())
			.isEqualTo(403);
		try {
			long version = nextVersion();
			LOG.upsert(page("ov-s", "ov-switch", Stage.PREVIEW, version, "Switched"));
			long offset = LOG.upsert(page("ov-s", "ov-switch", Stage.PUBLISHED, version, "Switched"));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> getAt(secondPort, "/pages/ov-switch?readPath=HOLLOW", null).statusCode() == 200);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> hollowStatus(this.port).path("overlay").path("appliedOffset").asLong() >= offset);
			// this instance has applied the entry, but with the overlay off only an
			// installed state counts
			assertThat(getAt(this.port, "/pages/ov-switch?readPath=HOLLOW", null).statusCode()).isEqualTo(404);
			assertThat(get("/pages?readPath=HOLLOW&size=1000", null).body()).doesNotContain("ov-switch");
			String token = new ConsistencyToken(Map.of(), offset, Map.of("ov-s", version)).encode();
			CompletableFuture<HttpResponse<String>> preview = CompletableFuture.supplyAsync(() -> getAt(this.port,
					"/preview/pages/ov-switch?readPath=HOLLOW", EDITOR, MarqueeHeaders.CONSISTENCY_TOKEN, token));
			LOG.cycle();
			// waiting for a state (a cycle, an announcement, a delta) may outlast the 2 s
			// max-wait on a loaded
			// machine: then the answer is 503, never the older content
			assertFreshOrBehind(preview.get(30, TimeUnit.SECONDS));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> assertFreshOrBehind(getAt(this.port, "/preview/pages/ov-switch?readPath=HOLLOW", EDITOR,
						MarqueeHeaders.CONSISTENCY_TOKEN, token)));
			assertThat(hollowStatus(this.port).path("stateOffset").asLong()).isGreaterThanOrEqualTo(offset);
			assertThat(heading(get("/pages/ov-switch?readPath=HOLLOW", null))).isEqualTo("Switched");
		}
		finally {
			assertThat(putAt(this.port, "/admin/hollow/overlay", "{\"enabled\":true}", ADMIN).statusCode())
				.isEqualTo(200);
		}
		assertThat(json(get("/admin/hollow/overlay", ADMIN)).path("enabled").asBoolean()).isTrue();
	}

	@Test
	void waitingPreviewsShareOneCatchUpPerInstance() throws Exception {
		assertThat(putAt(this.port, "/admin/hollow/overlay", "{\"enabled\":false}", ADMIN).statusCode()).isEqualTo(200);
		try {
			String ahead = new ConsistencyToken(Map.of(), LOG.head() + 1_000, Map.of()).encode();
			long before = SERVER.latestCalls();
			List<CompletableFuture<HttpResponse<String>>> previews = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				previews.add(CompletableFuture.supplyAsync(() -> get("/preview/pages/ov-none?readPath=HOLLOW", EDITOR,
						MarqueeHeaders.CONSISTENCY_TOKEN, ahead)));
			}
			for (CompletableFuture<HttpResponse<String>> preview : previews) {
				assertThat(preview.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
			}
			long calls = SERVER.latestCalls() - before;
			System.out
				.println("25 previews waiting 2 s each asked the producer for its announcement " + calls + " times");
			// one catch-up at a time, at most one per 50 ms, for all of them (each alone
			// would ask every 200 ms)
			assertThat(calls).isLessThan(25 * 2);
		}
		finally {
			putAt(this.port, "/admin/hollow/overlay", "{\"enabled\":true}", ADMIN);
		}
	}

	private static boolean assertFreshOrBehind(HttpResponse<String> preview) {
		assertThat(preview.statusCode()).isIn(200, 503);
		if (preview.statusCode() == 200) {
			assertThat(heading(preview)).isEqualTo("Switched");
		}
		return preview.statusCode() == 200;
	}

	private void assertRenamedRemovedAndAdded(int port) {
		assertThat(getAt(port, "/pages/ov-old-slug?readPath=HOLLOW", null).statusCode()).isEqualTo(404);
		HttpResponse<String> renamed = getAt(port, "/pages/ov-new-slug?readPath=HOLLOW", null);
		assertThat(renamed.statusCode()).isEqualTo(200);
		assertThat(heading(renamed)).isEqualTo("After rename");
		assertThat(getAt(port, "/pages/ov-doomed?readPath=HOLLOW", null).statusCode()).isEqualTo(404);
		assertThat(heading(getAt(port, "/pages/ov-brand-new?readPath=HOLLOW", null))).isEqualTo("Brand new");
		String listing = getAt(port, "/pages?readPath=HOLLOW&size=1000", null).body();
		assertThat(listing).contains("\"ov-new-slug\"", "\"ov-brand-new\"")
			.doesNotContain("\"ov-old-slug\"", "\"ov-doomed\"");
	}

	private int[] ports() {
		return new int[] { this.port, secondPort };
	}

	private static JsonNode hollowStatus(int port) {
		return json(getAt(port, "/api/status", null)).path("paths").path("HOLLOW");
	}

	private static Path temporary(String prefix) {
		try {
			Path dir = Files.createTempDirectory(prefix);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
