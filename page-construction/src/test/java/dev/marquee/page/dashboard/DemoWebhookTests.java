package dev.marquee.page.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.TestPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DemoWebhookTests {

	@Test
	void rebuildsThePageDocumentWithTheNewHeroHeading() {
		Page page = TestPages.page("page-st", "stranger-things", Stage.PUBLISHED, 42, "Old heading");

		JsonNode body = MarqueeJson.mapper().readTree(DemoWebhook.body(page, "New heading", 8));

		assertThat(body.path("type").asString()).isEqualTo("page");
		assertThat(body.path("action").asString()).isEqualTo("publish");
		assertThat(body.path("id").asString()).isEqualTo("page-st");
		assertThat(body.path("version").asLong()).isEqualTo(8);
		JsonNode fields = body.path("fields");
		assertThat(fields.path("slug").asString()).isEqualTo("stranger-things");
		assertThat(fields.path("template").asString()).isEqualTo("title-hub");
		assertThat(fields.path("title").asString()).isEqualTo(page.title());
		JsonNode elements = fields.path("elements");
		assertThat(elements.size()).isEqualTo(3);
		JsonNode hero = elements.path(0);
		assertThat(hero.path("id").asString()).isEqualTo("hero-page-st");
		assertThat(hero.path("type").asString()).isEqualTo("HERO");
		assertThat(hero.path("text").path("heading").asString()).isEqualTo("New heading");
		assertThat(hero.path("assetIds").path(0).asString()).isEqualTo("asset-page-st");
		assertThat(elements.path(1).path("text").path("heading").asString()).isEqualTo("Top 10");
		assertThat(elements.path(1).path("titleIds").path(0).asString()).isEqualTo("title-1");
		assertThat(elements.path(2).path("talentIds").path(0).asString()).isEqualTo("talent-1");
	}

	@Test
	void keepsElementsInPositionOrderAndEditsOnlyTheFirstHero() {
		Element second = new Element("hero-b", ElementType.HERO, 1, Map.of("heading", "B"), List.of(), List.of(),
				List.of());
		Element first = new Element("hero-a", ElementType.HERO, 0, Map.of("heading", "A", "subheading", "sub"),
				List.of(), List.of(), List.of());
		Page page = new Page("p", "p", Stage.PUBLISHED, "home", "P", null, List.of(second, first), 1, 1, Instant.now(),
				"t");

		JsonNode body = MarqueeJson.mapper().readTree(DemoWebhook.body(page, "Edited", 2));

		JsonNode elements = body.path("fields").path("elements");
		assertThat(elements.path(0).path("id").asString()).isEqualTo("hero-a");
		assertThat(elements.path(0).path("text").path("heading").asString()).isEqualTo("Edited");
		assertThat(elements.path(0).path("text").path("subheading").asString()).isEqualTo("sub");
		assertThat(elements.path(1).path("text").path("heading").asString()).isEqualTo("B");
		assertThat(body.path("fields").has("summary")).isFalse();
	}

	@Test
	void refusesAPageWithoutHero() {
		Page page = new Page("p", "p", Stage.PUBLISHED, "article", "P", null,
				List.of(new Element("q", ElementType.QUOTE, 0, Map.of("quote", "q"), List.of(), List.of(), List.of())),
				1, 1, Instant.now(), "t");

		assertThatIllegalArgumentException().isThrownBy(() -> DemoWebhook.body(page, "x", 2))
			.withMessageContaining("no HERO");
	}

}
