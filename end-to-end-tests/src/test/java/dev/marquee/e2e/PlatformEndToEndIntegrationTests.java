package dev.marquee.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.e2e.MarqueeClient.Answer;
import dev.marquee.e2e.PlatformUnderTest.Service;
import dev.marquee.model.MarqueeHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One edit's whole journey through the running platform: signed webhook → ingestion →
 * Kafka → data consumer → Cassandra → near cache, and → hollow producer → Hollow in
 * memory, read back from page construction.
 */
@Order(1)
class PlatformEndToEndIntegrationTests {

	private static final List<String> READ_PATHS = List.of("HOLLOW", "KAFKA_CASSANDRA");

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);

	private static MarqueeClient client;

	@BeforeAll
	static void startPlatform() {
		PlatformUnderTest platform = PlatformUnderTest.shared();
		client = new MarqueeClient(platform.url(Service.INGESTION), platform.url(Service.PAGE_CONSTRUCTION));
	}

	@Test
	void publishedPageIsServedFullyHydratedFromBothReadPaths() throws Exception {
		Catalog catalog = Catalog.publish("hydrated");
		// A slug with a '/' in it, like the shipped samples' articles/story-01.
		String slug = "articles/hydrated-" + catalog.suffix();

		Answer accepted = client
			.webhook(Content.page("publish", "page-" + slug, slug, "{{title:" + catalog.titleId() + ".name}} is back",
					catalog.titleId(), catalog.talentId(), catalog.assetId(), 1));

		assertThat(accepted.status()).as(accepted.body()).isBetween(200, 299);
		assertThat(accepted.token()).isNotBlank();
		for (String readPath : READ_PATHS) {
			JsonNode page = awaitPage(slug, readPath, (p) -> true);
			JsonNode hero = page.get("elements").get(0);
			assertThat(hero.get("type").asString()).isEqualTo("HERO");
			assertThat(hero.get("text").get("heading").asString()).isEqualTo(catalog.titleName() + " is back");
			assertThat(hero.get("text").get("subheading").asString()).isEqualTo("About " + catalog.titleName());
			JsonNode image = hero.get("images").get(0);
			assertThat(image.get("url").asString()).startsWith("http").contains(catalog.assetId());
			assertThat(image.get("renditions").size()).isPositive();
			JsonNode titleCard = page.get("elements").get(2).get("titles").get(0);
			assertThat(titleCard.get("name").asString()).isEqualTo(catalog.titleName());
			assertThat(titleCard.get("synopsis").asString()).isEqualTo("Synopsis of " + catalog.titleName());
			assertThat(page.get("elements").get(3).get("talent").get(0).get("name").asString())
				.isEqualTo(catalog.talentName());
		}
	}

	@Test
	void previewWithTheConsistencyTokenSeesTheEditAtOnceOnBothPaths() throws Exception {
		Catalog catalog = Catalog.publish("preview");
		String slug = "preview-" + catalog.suffix();
		publish(slug, catalog, "First heading", 1);

		Answer edit = client.webhook(Content.page("publish", "page-" + slug, slug, "Second heading", catalog.titleId(),
				catalog.talentId(), catalog.assetId(), 2));
		assertThat(edit.status()).as(edit.body()).isBetween(200, 299);

		for (String readPath : READ_PATHS) {
			Answer preview = client.preview(slug, readPath, edit.token(), MarqueeClient.EDITOR);
			assertThat(preview.status()).as(readPath + ": " + preview.body()).isEqualTo(200);
			assertThat(heading(preview.json())).as(readPath).isEqualTo("Second heading");
			assertThat(preview.header(MarqueeHeaders.READ_PATH)).isEqualTo(readPath);
		}
	}

	@Test
	void draftIsVisibleInPreviewButNeverOnPublicReads() throws Exception {
		Catalog catalog = Catalog.publish("draft");
		String slug = "draft-" + catalog.suffix();
		publish(slug, catalog, "Published heading", 1);
		for (String readPath : READ_PATHS) {
			awaitPage(slug, readPath, (p) -> heading(p).equals("Published heading"));
		}

		Answer draft = client.webhook(Content.page("draft", "page-" + slug, slug, "Secret draft heading",
				catalog.titleId(), catalog.talentId(), catalog.assetId(), 2));
		assertThat(draft.status()).as(draft.body()).isBetween(200, 299);

		for (String readPath : READ_PATHS) {
			Answer preview = client.preview(slug, readPath, draft.token(), MarqueeClient.EDITOR);
			assertThat(heading(preview.json())).as(readPath).isEqualTo("Secret draft heading");
		}
		// Give the eventually consistent paths every chance to leak: two near-cache
		// cycles.
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> {
			for (String readPath : READ_PATHS) {
				Answer page = client.page(slug, readPath);
				if (page.status() != 200 || page.body().contains("Secret draft heading")) {
					return false;
				}
			}
			return !client.get("/pages?size=1000", null).body().contains("Secret draft heading");
		});
	}

	@Test
	void catalogChangeReRendersThePagesThatUseIt() throws Exception {
		Catalog catalog = Catalog.publish("fanout");
		String slug = "fanout-" + catalog.suffix();
		publish(slug, catalog, "{{title:" + catalog.titleId() + ".name}} returns", 1);
		for (String readPath : READ_PATHS) {
			awaitPage(slug, readPath, (p) -> heading(p).equals(catalog.titleName() + " returns"));
		}

		Answer renamed = client.webhook(Content.title(catalog.titleId(), "Renamed Show", catalog.assetId(), 2));
		assertThat(renamed.status()).as(renamed.body()).isBetween(200, 299);

		for (String readPath : READ_PATHS) {
			awaitPage(slug, readPath, (p) -> heading(p).equals("Renamed Show returns"));
		}
	}

	@Test
	void unpublishedPageDisappearsFromPublicReads() throws Exception {
		Catalog catalog = Catalog.publish("unpublish");
		String slug = "unpublish-" + catalog.suffix();
		publish(slug, catalog, "Soon gone", 1);
		for (String readPath : READ_PATHS) {
			awaitPage(slug, readPath, (p) -> true);
		}

		Answer unpublished = client.webhook(Content.removal("unpublish", "page", "page-" + slug, 2));
		assertThat(unpublished.status()).as(unpublished.body()).isBetween(200, 299);

		for (String readPath : READ_PATHS) {
			await().atMost(VISIBLE_WITHIN).until(() -> client.page(slug, readPath).status() == 404);
		}
	}

	@Test
	void readPathToggleNeedsAnAdminAndFlipsSubsequentAnswers() throws Exception {
		Catalog catalog = Catalog.publish("toggle");
		String slug = "toggle-" + catalog.suffix();
		publish(slug, catalog, "Toggle", 1);
		for (String readPath : READ_PATHS) {
			awaitPage(slug, readPath, (p) -> true);
		}

		assertThat(client.setReadPath("KAFKA_CASSANDRA", null).status()).isEqualTo(401);
		assertThat(client.setReadPath("KAFKA_CASSANDRA", MarqueeClient.EDITOR).status()).isEqualTo(403);
		assertThat(client.preview(slug, "HOLLOW", null, null).status()).isEqualTo(401);
		try {
			for (String readPath : READ_PATHS) {
				assertThat(client.setReadPath(readPath, MarqueeClient.ADMIN).status()).isBetween(200, 299);
				assertThat(client.page(slug).header(MarqueeHeaders.READ_PATH)).isEqualTo(readPath);
			}
		}
		finally {
			client.setReadPath("HOLLOW", MarqueeClient.ADMIN);
		}
	}

	@Test
	void everyMetricTheGrafanaDashboardQueriesIsExportedBySomeService() throws Exception {
		Set<String> queried = GrafanaDashboard.metricNames();
		assertThat(queried).containsAll(GrafanaDashboard.OPERATORS_VIEW);
		// traffic on every panel's path: deliveries (one refused), page builds on both
		// read paths
		Catalog catalog = Catalog.publish("metrics");
		String slug = "metrics-" + catalog.suffix();
		publish(slug, catalog, "Measured", 1);
		for (String readPath : READ_PATHS) {
			awaitPage(slug, readPath, (p) -> true);
		}
		assertThat(client.webhook("{\"type\":\"page\"}", "refused-" + catalog.suffix()).status()).isEqualTo(422);

		PlatformUnderTest platform = PlatformUnderTest.shared();
		await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Set<String> exported = new HashSet<>();
			for (Service service : Service.values()) {
				Answer scrape = MarqueeClient.getUrl(platform.url(service) + "/actuator/prometheus",
						MarqueeClient.ADMIN);
				assertThat(scrape.status()).as(service.module).isEqualTo(200);
				scrape.body()
					.lines()
					.filter((line) -> !line.startsWith("#") && !line.isBlank())
					.map((line) -> line.split("[{ ]", 2)[0])
					.forEach(exported::add);
			}
			assertThat(exported).as("metrics the dashboard queries").containsAll(queried);
		});
	}

	private static void publish(String slug, Catalog catalog, String heading, long version) throws Exception {
		Answer answer = client.webhook(Content.page("publish", "page-" + slug, slug, heading, catalog.titleId(),
				catalog.talentId(), catalog.assetId(), version));
		assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
	}

	private static JsonNode awaitPage(String slug, String readPath, java.util.function.Predicate<JsonNode> condition) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
			Answer answer = client.page(slug, readPath);
			if (answer.status() != 200) {
				return false;
			}
			assertThat(answer.header(MarqueeHeaders.READ_PATH)).isEqualTo(readPath);
			found[0] = answer.json();
			return condition.test(found[0]);
		});
		return found[0];
	}

	private static String heading(JsonNode page) {
		return page.get("elements").get(0).get("text").get("heading").asString();
	}

	/** An asset, a title and a person published for one test. */
	record Catalog(String suffix, String assetId, String titleId, String titleName, String talentId,
			String talentName) {

		static Catalog publish(String prefix) throws Exception {
			return publish(prefix, client);
		}

		static Catalog publish(String prefix, MarqueeClient client) throws Exception {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			Catalog catalog = new Catalog(suffix, prefix + "-asset-" + suffix, prefix + "-title-" + suffix,
					"Show " + suffix, prefix + "-talent-" + suffix, "Actor " + suffix);
			for (String body : List.of(Content.asset(catalog.assetId(), 1),
					Content.title(catalog.titleId(), catalog.titleName(), catalog.assetId(), 1),
					Content.talent(catalog.talentId(), catalog.talentName(), catalog.assetId(), 1))) {
				Answer answer = client.webhook(body);
				assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
			}
			return catalog;
		}

	}

}
