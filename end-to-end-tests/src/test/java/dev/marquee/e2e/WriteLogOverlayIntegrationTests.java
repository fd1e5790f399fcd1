package dev.marquee.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import dev.marquee.e2e.MarqueeClient.Answer;
import dev.marquee.e2e.PlatformEndToEndIntegrationTests.Catalog;
import dev.marquee.e2e.PlatformUnderTest.Service;
import dev.marquee.model.ConsistencyToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RAW Hollow's promise on open-source Hollow, between real processes: hollow-producer
 * acknowledges a write once it is in its durable log, and every page-construction replica
 * serves it through its overlay of that log before any Hollow cycle has folded it into a
 * state. The producer here cycles only every ten minutes or once
 * {@value #CYCLE_MAX_PENDING} log entries wait; the overlay tests write far fewer, so
 * nothing they see can have come from a Hollow state, and each checks that the announced
 * version did not move. The edit-then-preview round trips run last and write hundreds of
 * entries, so their previews also run across cycles that fold the overlay's entries into
 * states on both replicas.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteLogOverlayIntegrationTests {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

	private static final int CYCLE_MAX_PENDING = 50;

	/**
	 * Edit-then-preview round trips; issue 17's acceptance is 1,000 (RELIABILITY.md has
	 * that run's command and figures), CI runs fewer.
	 */
	private static final int ROUND_TRIPS = Integer.getInteger("marquee.e2e.preview-round-trips", 200);

	private static final List<String> READ_PATHS = List.of("HOLLOW", "KAFKA_CASSANDRA");

	private static PlatformUnderTest platform;

	private static MarqueeClient first;

	private static MarqueeClient second;

	private static Catalog catalog;

	@BeforeAll
	static void startPlatformWithoutCycles() throws Exception {
		platform = PlatformUnderTest.dedicated(Map.of(Service.HOLLOW_PRODUCER, List
			.of("--marquee.hollow.cycle-interval=10m", "--marquee.hollow.cycle-max-pending=" + CYCLE_MAX_PENDING)));
		String replica = platform.startPageReplica();
		first = new MarqueeClient(platform.url(Service.INGESTION), platform.url(Service.PAGE_CONSTRUCTION));
		second = new MarqueeClient(platform.url(Service.INGESTION), replica);
		// The catalog goes through the log like any page: it is the first state's content
		// that must stay unfolded.
		catalog = Catalog.publish("overlay", first);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void acknowledgedWriteIsReadableOnEveryReplicaBeforeAnyCycle() throws Exception {
		long announced = announcedVersion();
		String slug = "overlay-new-" + catalog.suffix();

		Answer accepted = publish("page-" + slug, slug, "Fresh from the log", 1);

		for (MarqueeClient replica : List.of(first, second)) {
			JsonNode page = awaitHollowPage(replica, slug);
			assertThat(heading(page)).isEqualTo("Fresh from the log");
			// read-after-write on the replica that did not take the write
			Answer preview = replica.preview(slug, "HOLLOW", accepted.token(), MarqueeClient.EDITOR);
			assertThat(preview.status()).as(preview.body()).isEqualTo(200);
			assertThat(heading(preview.json())).isEqualTo("Fresh from the log");
		}
		assertThat(announcedVersion()).as("no Hollow cycle ran").isEqualTo(announced);
	}

	@Test
	void renameMovesTheSlugAtOnceOnEveryReplica() throws Exception {
		long announced = announcedVersion();
		String pageId = "page-overlay-rename-" + catalog.suffix();
		String before = "overlay-before-" + catalog.suffix();
		String after = "overlay-after-" + catalog.suffix();
		publish(pageId, before, "Before the rename", 1);
		for (MarqueeClient replica : List.of(first, second)) {
			awaitHollowPage(replica, before);
		}

		publish(pageId, after, "After the rename", 2);

		for (MarqueeClient replica : List.of(first, second)) {
			assertThat(heading(awaitHollowPage(replica, after))).isEqualTo("After the rename");
			assertThat(replica.page(before, "HOLLOW").status()).as("the old slug no longer resolves").isEqualTo(404);
			String listing = replica.get("/pages?size=1000&readPath=HOLLOW", null).body();
			assertThat(listing).contains("\"" + after + "\"").doesNotContain("\"" + before + "\"");
		}
		assertThat(announcedVersion()).as("no Hollow cycle ran").isEqualTo(announced);
	}

	@Test
	void unpublishedPageIsGoneAtOnceOnEveryReplica() throws Exception {
		long announced = announcedVersion();
		String pageId = "page-overlay-removed-" + catalog.suffix();
		String slug = "overlay-removed-" + catalog.suffix();
		publish(pageId, slug, "Soon gone", 1);
		for (MarqueeClient replica : List.of(first, second)) {
			awaitHollowPage(replica, slug);
		}

		Answer removed = first.webhook(Content.removal("unpublish", "page", pageId, 2));
		assertThat(removed.status()).as(removed.body()).isBetween(200, 299);

		for (MarqueeClient replica : List.of(first, second)) {
			await().atMost(VISIBLE_WITHIN).until(() -> replica.page(slug, "HOLLOW").status() == 404);
			String listing = replica.get("/pages?size=1000&readPath=HOLLOW", null).body();
			assertThat(listing).doesNotContain("\"" + slug + "\"");
		}
		assertThat(announcedVersion()).as("no Hollow cycle ran").isEqualTo(announced);
	}

	/**
	 * A CMS editor's loop on two replicas: save a draft through ingestion, preview it
	 * with the answer's consistency token on one replica, save the next draft of the same
	 * page, preview it on the other. Every preview, on both read paths, must show exactly
	 * the draft just saved: a token from a write is honoured by any replica, however far
	 * behind that replica's log follower or Kafka consumer happens to be at that moment.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void editThenPreviewRoundTripsAlternatingReplicasAreNeverStale() throws Exception {
		int pages = 3;
		long cyclesBefore = cycles();
		List<MarqueeClient> replicas = List.of(first, second);
		Map<String, Integer> exact = new TreeMap<>();
		Map<String, Integer> stale = new TreeMap<>();
		Map<String, Integer> wrong = new TreeMap<>();
		Map<String, List<Long>> waits = new TreeMap<>();
		long started = System.nanoTime();
		int done = 0;
		for (int trip = 0; trip < ROUND_TRIPS; trip++) {
			// page (trip / 2) % pages: each page's consecutive drafts are previewed on
			// alternate replicas
			String pageId = "page-overlay-trips-" + catalog.suffix() + "-" + (trip / 2) % pages;
			String slug = pageId.substring("page-".length());
			String heading = "draft " + trip;
			Answer saved = first.webhook(Content.page("draft", pageId, slug, heading, catalog.titleId(),
					catalog.talentId(), catalog.assetId(), trip + 1L));
			assertThat(saved.status()).as(saved.body()).isBetween(200, 299);
			String token = saved.token();
			assertThat(token).isNotBlank();
			long written = ConsistencyToken.decode(token).pageVersions().get(pageId);
			String replica = (trip % 2 == 0) ? "A" : "B";
			for (String readPath : READ_PATHS) {
				long asked = System.nanoTime();
				Answer preview = replicas.get(trip % 2).preview(slug, readPath, token, MarqueeClient.EDITOR);
				waits.computeIfAbsent(readPath, (path) -> new ArrayList<>()).add(System.nanoTime() - asked);
				String key = readPath + " on replica " + replica;
				if (preview.status() != 200 || !readPath.equals(preview.header("Marquee-Read-Path"))) {
					wrong.merge(key + ": HTTP " + preview.status() + " " + preview.body(), 1, Integer::sum);
					continue;
				}
				JsonNode page = preview.json();
				long shown = page.get("contentVersion").asLong();
				if (shown < written) {
					stale.merge(key, 1, Integer::sum);
				}
				else if (shown == written && heading.equals(heading(page))) {
					exact.merge(key, 1, Integer::sum);
				}
				else {
					// this test is the page's only writer: a newer version, or this
					// version with other content, is a bug
					wrong.merge(key + ": content version " + shown + " (written " + written + "), heading '"
							+ heading(page) + "'", 1, Integer::sum);
				}
			}
			done++;
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		long cycles = cycles() - cyclesBefore;
		System.out.println("Edit-then-preview round trips: " + done + " in " + took.toMillis() + " ms; previews "
				+ "exactly at the draft just saved " + exact + ", stale " + stale + ", other " + wrong + "; preview "
				+ "answer time p50/p99/max ms " + percentiles(waits) + "; Hollow cycles meanwhile: " + cycles);

		assertThat(done).as("round trips made").isEqualTo(ROUND_TRIPS);
		assertThat(stale).as("stale previews").isEmpty();
		assertThat(wrong).as("previews that failed or showed other content").isEmpty();
		assertThat(exact.values().stream().mapToInt(Integer::intValue).sum()).as("previews at the draft just saved")
			.isEqualTo(ROUND_TRIPS * READ_PATHS.size());
		if (ROUND_TRIPS >= 2 * CYCLE_MAX_PENDING) {
			// each draft is one log entry: the run crossed cycles, so previews also met
			// freshly installed states
			assertThat(cycles).as("Hollow cycles during the round trips").isPositive();
		}
	}

	private static Map<String, String> percentiles(Map<String, List<Long>> waits) {
		Map<String, String> figures = new TreeMap<>();
		waits.forEach((path, nanos) -> {
			List<Long> sorted = nanos.stream().sorted().toList();
			figures.put(path, millis(sorted, 0.50) + "/" + millis(sorted, 0.99) + "/" + millis(sorted, 1.0));
		});
		return figures;
	}

	private static String millis(List<Long> sorted, double quantile) {
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
		return String.format(java.util.Locale.ROOT, "%.1f", sorted.get(Math.max(0, index)) / 1e6);
	}

	private static Answer publish(String pageId, String slug, String heading, long version) throws Exception {
		Answer answer = first.webhook(Content.page("publish", pageId, slug, heading, catalog.titleId(),
				catalog.talentId(), catalog.assetId(), version));
		assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
		return answer;
	}

	private static JsonNode awaitHollowPage(MarqueeClient replica, String slug) {
		return await().atMost(VISIBLE_WITHIN).until(() -> {
			Answer answer = replica.page(slug, "HOLLOW");
			return (answer.status() == 200) ? answer.json() : null;
		}, (page) -> page != null);
	}

	private static String heading(JsonNode page) {
		return page.get("elements").get(0).get("text").get("heading").asString();
	}

	/** The producer's successful cycles so far, from its metrics. */
	private static long cycles() throws Exception {
		Answer metrics = MarqueeClient.getUrl(platform.url(Service.HOLLOW_PRODUCER) + "/actuator/prometheus",
				MarqueeClient.ADMIN);
		assertThat(metrics.status()).isEqualTo(200);
		return metrics.body()
			.lines()
			.filter((line) -> line.startsWith("marquee_hollow_cycle_seconds_count")
					&& line.contains("outcome=\"success\""))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static long announcedVersion() throws Exception {
		Answer latest = MarqueeClient.getUrl(platform.url(Service.HOLLOW_PRODUCER) + "/v1/announcements/latest",
				MarqueeClient.SERVICE);
		assertThat(latest.status()).isEqualTo(200);
		return latest.json().get("version").asLong();
	}

}
