package dev.marquee.sample;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatasetGeneratorTests {

	private final DatasetGenerator generator = new DatasetGenerator(50, 20);

	@Test
	void writesPagesInTheNativeWebhookFormat() {
		JsonNode page = json(this.generator.page(7));
		assertThat(page.get("type").asString()).isEqualTo("page");
		assertThat(page.get("action").asString()).isEqualTo("publish");
		assertThat(page.get("id").asString()).isEqualTo("bench-50-000007");
		assertThat(page.get("version").asLong()).isEqualTo(1);
		JsonNode fields = page.get("fields");
		assertThat(fields.get("slug").asString()).isEqualTo("bench-50-000007");
		assertThat(fields.get("template").asString()).isEqualTo("article");
		assertThat(fields.get("title").asString()).isNotBlank();
		assertThat(fields.get("summary").asString()).isNotBlank();
		assertThat(fields.get("elements")).hasSize(50);
	}

	@Test
	void staysWithinTheArticleTemplate() {
		JsonNode elements = json(this.generator.page(3)).get("fields").get("elements");
		Map<String, Integer> counts = new HashMap<>();
		Set<String> ids = new HashSet<>();
		for (JsonNode element : elements) {
			String type = element.get("type").asString();
			counts.merge(type, 1, Integer::sum);
			assertThat(ids.add(element.get("id").asString())).as("element ids are unique").isTrue();
			int images = element.get("assetIds").size();
			int titles = element.get("titleIds").size();
			int talent = element.get("talentIds").size();
			switch (type) {
				case "HERO", "IMAGE" -> assertThat(images).isEqualTo(1);
				case "GALLERY" -> assertThat(images).isBetween(2, 24);
				case "VIDEO" -> {
					assertThat(images).isEqualTo(1);
					assertThat(titles).isLessThanOrEqualTo(1);
					assertThat(element.get("text").get("videoUrl").asString()).isNotBlank();
				}
				case "TITLE_CARD" -> assertThat(titles).isEqualTo(1);
				case "TALENT_CARD" -> assertThat(talent).isEqualTo(1);
				case "QUOTE" -> {
					assertThat(talent).isLessThanOrEqualTo(1);
					assertThat(element.get("text").get("quote").asString()).isNotBlank();
				}
				case "RICH_TEXT" -> assertThat(element.get("text").get("html").asString()).contains("{{title:");
				default -> throw new AssertionError("type not allowed by the article template: " + type);
			}
		}
		assertThat(elements.get(0).get("type").asString()).isEqualTo("HERO");
		assertThat(counts.get("HERO")).isEqualTo(1);
		assertThat(counts.keySet()).hasSizeGreaterThan(5);
	}

	@Test
	void referencesOnlyCatalogEntriesItPublishes() {
		Set<String> catalog = new HashSet<>();
		for (Delivery delivery : this.generator.catalog()) {
			catalog.add(json(delivery).get("id").asString());
		}
		assertThat(catalog).hasSize(20 + 20 + 40);
		JsonNode elements = json(this.generator.page(11)).get("fields").get("elements");
		for (JsonNode element : elements) {
			for (String list : List.of("assetIds", "titleIds", "talentIds")) {
				for (JsonNode id : element.get(list)) {
					assertThat(catalog).contains(id.asString());
				}
			}
		}
	}

	@Test
	void publishesAssetsBeforeTheTitlesAndTalentThatUseThem() {
		List<Delivery> catalog = this.generator.catalog();
		assertThat(json(catalog.get(0)).get("type").asString()).isEqualTo("asset");
		assertThat(json(catalog.get(catalog.size() - 1)).get("type").asString()).isEqualTo("title");
	}

	@Test
	void generatesTheSamePageWhateverTheDatasetSize() {
		assertThat(this.generator.page(5).text()).isEqualTo(new DatasetGenerator(50, 20).page(5).text());
		assertThat(this.generator.page(5).deliveryId()).isEqualTo(new DatasetGenerator(50, 20).page(5).deliveryId());
	}

	@Test
	void marksAnEditSoItsRenderingCanBeRecognized() {
		Delivery edit = this.generator.edit(2, 99, "draft", "edit-xyz");
		JsonNode json = json(edit);
		assertThat(json.get("action").asString()).isEqualTo("draft");
		assertThat(json.get("version").asLong()).isEqualTo(99);
		assertThat(json.get("fields").get("summary").asString()).endsWith("edit-xyz");
		assertThat(edit.deliveryId()).isNotEqualTo(this.generator.edit(2, 100, "draft", "edit-xyz").deliveryId());
	}

	@Test
	void roundsPagesUpToHoldTheElements() {
		assertThat(this.generator.pagesFor(100_000)).isEqualTo(2_000);
		assertThat(this.generator.pagesFor(101)).isEqualTo(3);
	}

	@Test
	void refusesMoreElementsThanTheTemplateAllows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DatasetGenerator(81, 10));
	}

	private static JsonNode json(Delivery delivery) {
		return MarqueeJson.mapper().readTree(delivery.body());
	}

}
