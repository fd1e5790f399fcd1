package dev.marquee.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.marquee.e2e.MarqueeClient.Answer;
import dev.marquee.e2e.PlatformEndToEndIntegrationTests.Catalog;
import dev.marquee.e2e.PlatformUnderTest.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pages race for a few slugs: concurrent publishes that rename pages among a small pool,
 * and collide. Ingestion must give each slug to one page at a time (a collision is a 409
 * that publishes nothing), and once the eventually consistent paths have converged,
 * HOLLOW and KAFKA_CASSANDRA must resolve every slug to the same page — the page whose
 * last acknowledged publish took it — and a slug nobody holds to 404 on both.
 */
@Order(1)
class SlugRaceIntegrationTests {

	private static final int PAGES = 8;

	private static final int SLUGS = 5;

	private static final int EDITS_PER_PAGE = 12;

	private static MarqueeClient client;

	private static Catalog catalog;

	@BeforeAll
	static void startPlatform() throws Exception {
		PlatformUnderTest platform = PlatformUnderTest.shared();
		client = new MarqueeClient(platform.url(Service.INGESTION), platform.url(Service.PAGE_CONSTRUCTION));
		catalog = Catalog.publish("race", client);
	}

	@Test
	void bothReadPathsAgreeOnTheOwnerOfEverySlugAfterRacingRenamesAndCollisions() throws Exception {
		List<String> pool = new ArrayList<>();
		for (int i = 0; i < SLUGS; i++) {
			pool.add("race-" + catalog.suffix() + "-slug-" + i);
		}
		Map<String, String> lastAcknowledgedSlug = new ConcurrentHashMap<>();
		AtomicInteger collisions = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		ExecutorService editors = Executors.newFixedThreadPool(4);
		List<Future<?>> work = new ArrayList<>();
		for (int p = 0; p < PAGES; p++) {
			String pageId = "race-" + catalog.suffix() + "-page-" + p;
			long seed = p;
			work.add(editors.submit(() -> {
				Random random = new Random(seed);
				for (int version = 1; version <= EDITS_PER_PAGE; version++) {
					// Mostly a slug of the pool (collisions and renames), now and then
					// one of its own (releasing).
					String slug = (random.nextInt(4) == 0) ? pageId + "-own" : pool.get(random.nextInt(pool.size()));
					Answer answer = client.webhook(Content.page("publish", pageId, slug, "v" + version,
							catalog.titleId(), catalog.talentId(), catalog.assetId(), version));
					if (answer.status() == 409) {
						assertThat(answer.body()).contains("slug-taken");
						collisions.incrementAndGet();
					}
					else {
						assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
						lastAcknowledgedSlug.put(pageId, slug);
						accepted.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> future : work) {
			future.get();
		}
		editors.shutdown();

		Map<String, String> owners = new HashMap<>();
		lastAcknowledgedSlug.forEach((pageId, slug) -> {
			String previous = owners.put(slug, pageId);
			assertThat(previous).as("slug %s acknowledged for two pages", slug).isNull();
		});
		assertThat(collisions.get()).as("the race produced collisions").isPositive();
		assertThat(accepted.get()).as("the race produced renames").isGreaterThan(PAGES);
		List<String> slugs = new ArrayList<>(pool);
		lastAcknowledgedSlug.values().stream().filter((slug) -> !slugs.contains(slug)).forEach(slugs::add);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String slug : slugs) {
				String owner = owners.get(slug);
				for (String readPath : List.of("HOLLOW", "KAFKA_CASSANDRA")) {
					Answer page = client.page(slug, readPath);
					if (owner == null) {
						assertThat(page.status()).as("%s on %s, held by nobody", slug, readPath).isEqualTo(404);
					}
					else {
						assertThat(page.status()).as("%s on %s", slug, readPath).isEqualTo(200);
						assertThat(page.json().get("pageId").asString()).as("%s on %s", slug, readPath)
							.isEqualTo(owner);
					}
				}
			}
		});
		System.out.println("slug race: " + accepted.get() + " publishes accepted, " + collisions.get()
				+ " refused as slug-taken, " + owners.size() + " slugs held at the end");
	}

}
