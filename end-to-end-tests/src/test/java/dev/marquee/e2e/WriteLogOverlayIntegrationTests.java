package dev.marquee.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.e2e.MarqueeClient.Answer;
import dev.marquee.e2e.PlatformEndToEndIntegrationTests.Catalog;
import dev.marquee.e2e.PlatformUnderTest.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RAW Hollow's promise on open-source Hollow, between real processes: hollow-producer acknowledges a write once it is
 * in its durable log, and every page-construction replica serves it through its overlay of that log before any
 * Hollow cycle has folded it into a state. The producer here cycles only every ten minutes, so nothing these tests
 * see can have come from a Hollow state; each test checks that the announced version did not move.
 */
@Order(2)
class WriteLogOverlayIntegrationTests {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

	private static PlatformUnderTest platform;

	private static MarqueeClient first;

	private static MarqueeClient second;

	private static Catalog catalog;

	@BeforeAll
	static void startPlatformWithoutCycles() throws Exception {
		platform = PlatformUnderTest.dedicated(Map.of(Service.HOLLOW_PRODUCER,
				List.of("--marquee.hollow.cycle-interval=10m", "--marquee.hollow.cycle-max-pending=1000000")));
		String replica = platform.startPageReplica();
		first = new MarqueeClient(platform.url(Service.INGESTION), platform.url(Service.PAGE_CONSTRUCTION));
		second = new MarqueeClient(platform.url(Service.INGESTION), replica);
		// The catalog goes through the log like any page: it is the first state's content that must stay unfolded.
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

	private static long announcedVersion() throws Exception {
		Answer latest = MarqueeClient.getUrl(platform.url(Service.HOLLOW_PRODUCER) + "/v1/announcements/latest",
				MarqueeClient.SERVICE);
		assertThat(latest.status()).isEqualTo(200);
		return latest.json().get("version").asLong();
	}

}
