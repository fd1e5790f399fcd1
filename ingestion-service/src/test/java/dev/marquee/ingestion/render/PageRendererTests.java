package dev.marquee.ingestion.render;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Dependency;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.FocalPoint;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.sample.DatasetGenerator;
import dev.marquee.sample.Delivery;
import dev.marquee.sample.SampleContentGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRendererTests {

	private final PageRenderer renderer = InMemoryCatalog.renderer();

	private final PageRenderer.Context context = new PageRenderer.Context(7, 3, Instant.parse("2026-01-01T00:00:00Z"),
			"trace-1");

	private InMemoryCatalog sampleCatalog() {
		return InMemoryCatalog.sample();
	}

	private static PageFields fields(String delivery) {
		JsonNode json = MarqueeJson.mapper().readTree(delivery);
		return MarqueeJson.mapper().treeToValue(json.get("fields"), PageFields.class);
	}

	private static String id(String delivery) {
		return MarqueeJson.mapper().readTree(delivery).get("id").asString();
	}

	@Test
	void rendersEverySamplePageAndUsesEveryElementType() {
		InMemoryCatalog catalog = sampleCatalog();
		Set<ElementType> used = EnumSet.noneOf(ElementType.class);
		Set<String> templates = new java.util.TreeSet<>();
		List<String> pages = SampleContentGenerator.files().get("04-pages.json");

		for (String delivery : pages) {
			Page page = this.renderer.render(id(delivery), fields(delivery), Stage.PUBLISHED, catalog, this.context)
				.page();
			page.elements().forEach((element) -> used.add(element.type()));
			templates.add(page.template());
			assertThat(page.title()).doesNotContain("{{");
			page.elements()
				.forEach((element) -> assertThat(element.text().values()).noneMatch((t) -> t.contains("{{")));
		}

		assertThat(pages).hasSize(20);
		assertThat(used).containsExactlyInAnyOrder(ElementType.values());
		assertThat(templates).containsExactly("article", "home", "title-hub");
	}

	@Test
	void hydratesPlaceholdersReferencesAndImages() {
		String home = SampleContentGenerator.files().get("04-pages.json").get(0);

		PageRenderer.Rendered rendered = this.renderer.render("page-home", fields(home), Stage.PREVIEW, sampleCatalog(),
				this.context);

		Page page = rendered.page();
		assertThat(page.stage()).isEqualTo(Stage.PREVIEW);
		assertThat(page.contentVersion()).isEqualTo(7);
		assertThat(page.sourceVersion()).isEqualTo(3);
		assertThat(page.traceId()).isEqualTo("trace-1");
		Element hero = page.elements().get(0);
		assertThat(hero.text().get("heading")).isEqualTo("Now streaming: The Silent Harbor");
		assertThat(hero.images().get(0).url()).isEqualTo("https://cdn.test/img/sample/artwork/asset-001.jpg");
		Element row = page.elements().get(1);
		assertThat(row.titles()).hasSize(10);
		assertThat(row.titles().get(0).name()).isEqualTo("The Silent Harbor");
		assertThat(row.titles().get(0).artwork()).isNotNull();
		assertThat(rendered.dependencies()).contains(new Dependency(ContentType.TITLE, "title-001"),
				new Dependency(ContentType.ASSET, "asset-001"), new Dependency(ContentType.ASSET, "asset-060"));
	}

	@Test
	void imagesGetRenditionsNoWiderThanTheOriginalAndTheFocalPoint() {
		Image image = this.renderer.image("a1",
				new AssetFields("/titles/a1.jpg", 1000, 500, "image/jpeg", "Alt", new FocalPoint(0.25, 0.75)));

		assertThat(image.url()).isEqualTo("https://cdn.test/img/titles/a1.jpg");
		assertThat(image.focalX()).isEqualTo(0.25);
		assertThat(image.renditions()).extracting("width").containsExactly(320, 640, 1000);
		assertThat(image.renditions().get(0).height()).isEqualTo(160);
		assertThat(image.renditions().get(0).url())
			.isEqualTo("https://cdn.test/img/titles/a1.jpg?w=320&h=160&fx=0.25&fy=0.75");
	}

	@Test
	void listsEveryTemplateViolationByField() {
		PageFields fields = fields(
				"""
						{"fields":{"slug":"Bad Slug","template":"article","title":"T",
						 "elements":[
						  {"id":"a","type":"HERO","text":{"heading":"h","colour":"red"},"assetIds":[]},
						  {"id":"a","type":"PROMO","text":{"heading":"p","ctaLabel":"go","ctaUrl":"https://example.test/u"},"assetIds":["asset-001"]},
						  {"id":"b","type":"PROMO","text":{"heading":"p","ctaLabel":"go","ctaUrl":"https://example.test/u"},"assetIds":["asset-001"]},
						  {"id":"c","type":"PROMO","text":{"heading":"p","ctaLabel":"go","ctaUrl":"https://example.test/u"},"assetIds":["asset-001"]},
						  {"id":"d","type":"SPINNER","text":{}}
						 ]}}""");

		assertThatExceptionOfType(RenderException.class)
			.isThrownBy(() -> this.renderer.render("p", fields, Stage.PUBLISHED, sampleCatalog(), this.context))
			.satisfies((ex) -> {
				assertThat(ex.onlyUnresolvedReferences()).isFalse();
				assertThat(ex.violations()).extracting(Violation::field)
					.containsExactlyInAnyOrder("slug", "summary", "elements[0].text.colour", "elements[0].assetIds",
							"elements[1].id", "elements[3].type", "elements[4].type");
			});
	}

	@Test
	void listsEveryUnresolvedReference() {
		PageFields fields = fields("""
				{"fields":{"slug":"s","template":"home","title":"{{title:nope.name}}",
				 "elements":[{"id":"r","type":"TITLE_ROW",
				  "text":{"heading":"{{talent:nobody}}"},"titleIds":["title-001","gone"]}]}}""");
		InMemoryCatalog catalog = sampleCatalog().remove("asset", "asset-001");

		assertThatExceptionOfType(RenderException.class)
			.isThrownBy(() -> this.renderer.render("p", fields, Stage.PUBLISHED, catalog, this.context))
			.satisfies((ex) -> {
				assertThat(ex.onlyUnresolvedReferences()).isTrue();
				assertThat(ex.violations()).extracting(Violation::field)
					.containsExactlyInAnyOrder("title", "elements[0].text.heading",
							"elements[0].titleIds[0].artworkAssetId", "elements[0].titleIds[1]");
			});
	}

	@Test
	void markupInPlainTextFieldsIsRejectedButRichTextIsSanitized() {
		PageFields fields = fields("""
				{"fields":{"slug":"s","template":"article","title":"<script>alert(1)</script>",
				 "summary":"<img src=x onerror=alert(1)>",
				 "elements":[
				  {"id":"a","type":"HERO","text":{"heading":"Hi </b>","subheading":"javascript:alert(1)"},
				   "assetIds":["asset-001"]},
				  {"id":"b","type":"RICH_TEXT","text":{"html":"<p>ok</p><script>alert(1)</script>"}},
				  {"id":"c","type":"QUOTE","text":{"quote":"1 < 2 and 3 > 2"}}
				 ]}}""");

		assertThatExceptionOfType(RenderException.class)
			.isThrownBy(() -> this.renderer.render("p", fields, Stage.PUBLISHED, sampleCatalog(), this.context))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field)
				.containsExactlyInAnyOrder("title", "summary", "elements[0].text.heading",
						"elements[0].text.subheading"));
	}

	@Test
	void aScriptSchemeHiddenByWhitespaceInPlainTextIsRejected() {
		PageFields fields = fields("""
				{"fields":{"slug":"s","template":"article","title":"Plain words",
				 "summary":"!!!java\\tscript: onerror=alert(1)",
				 "elements":[{"id":"c","type":"QUOTE","text":{"quote":"java\\u200Bscript:alert(1)"}}]}}""");

		assertThatExceptionOfType(RenderException.class)
			.isThrownBy(() -> this.renderer.render("p", fields, Stage.PUBLISHED, sampleCatalog(), this.context))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field)
				.containsExactlyInAnyOrder("summary", "elements[0].text.quote"));
	}

	@Test
	void richTextLosesScriptsAndEventHandlers() {
		assertThat(RichTextSanitizer
			.sanitize("<p onclick=\"x()\">Hi</p><script>alert(1)</script><a href=\"javascript:x\">l</a>"))
			.isEqualTo("<p>Hi</p>l");
	}

	@Test
	void checksCatalogDocuments() {
		assertThat(CatalogChecks.check(new TitleFields(" ", null, null, null, null))).extracting(Violation::field)
			.containsExactly("name");
		assertThat(CatalogChecks.check(new AssetFields(null, 0, 10, "text/plain", null, new FocalPoint(2, 0))))
			.extracting(Violation::field)
			.containsExactly("file", "width", "mimeType", "focalPoint");
	}

	@Test
	void syntheticPagesRenderWithTheRequestedElementCount() {
		DatasetGenerator content = new DatasetGenerator(50, 20);
		InMemoryCatalog catalog = new InMemoryCatalog().add(content.catalog().stream().map(Delivery::text).toList());

		for (int i = 0; i < 5; i++) {
			String delivery = content.edit(i, 2, "publish", "edit-" + i).text();
			Page page = this.renderer
				.render(content.pageId(i), fields(delivery), Stage.PUBLISHED, catalog, this.context)
				.page();
			assertThat(page.elements()).hasSize(50);
			assertThat(page.slug()).isEqualTo(content.slug(i));
			assertThat(page.summary()).contains("edit-" + i);
			assertThat(page.elements().get(1).text().get("html")).contains("edit-" + i);
		}
		assertThat(new DatasetGenerator(50, 20).page(3).body()).isEqualTo(content.page(3).body());
	}

	@Test
	void anotherStageWhoseCatalogAnswersAlikeIsTheSameRenderingUnderItsOwnVersions() {
		String home = SampleContentGenerator.files().get("04-pages.json").get(0);
		PageRenderer.Rendered published = this.renderer.render("page-home", fields(home), Stage.PUBLISHED,
				sampleCatalog(), this.context);
		PageRenderer.Context preview = new PageRenderer.Context(8, 3, this.context.ingestedAt(), "trace-1");

		PageRenderer.Rendered reused = this.renderer
			.sameAs(published, sampleCatalog(), Stage.PREVIEW, sampleCatalog(), preview)
			.orElseThrow();

		PageRenderer.Rendered rendered = this.renderer.render("page-home", fields(home), Stage.PREVIEW, sampleCatalog(),
				preview);
		assertThat(reused).isEqualTo(rendered);
		assertThat(MarqueeJson.mapper().writeValueAsString(reused.page()))
			.isEqualTo(MarqueeJson.mapper().writeValueAsString(rendered.page()));
	}

	@Test
	void anotherStageIsRenderedAgainWhenItsCatalogAnswersOneLookupOtherwise() {
		String home = SampleContentGenerator.files().get("04-pages.json").get(0);
		InMemoryCatalog catalog = sampleCatalog();
		PageRenderer.Rendered published = this.renderer.render("page-home", fields(home), Stage.PUBLISHED, catalog,
				this.context);
		Catalog draftTitle = new Catalog() {
			@Override
			public Optional<TitleFields> title(String id) {
				return id.equals("title-001") ? Optional.of(new TitleFields("Draft name", null, null, null, null))
						: catalog.title(id);
			}

			@Override
			public Optional<TalentFields> talent(String id) {
				return catalog.talent(id);
			}

			@Override
			public Optional<AssetFields> asset(String id) {
				return catalog.asset(id);
			}
		};
		Catalog missingAsset = new Catalog() {
			@Override
			public Optional<TitleFields> title(String id) {
				return catalog.title(id);
			}

			@Override
			public Optional<TalentFields> talent(String id) {
				return catalog.talent(id);
			}

			@Override
			public Optional<AssetFields> asset(String id) {
				return id.equals("asset-060") ? Optional.empty() : catalog.asset(id);
			}
		};

		assertThat(this.renderer.sameAs(published, catalog, Stage.PREVIEW, draftTitle, this.context)).isEmpty();
		assertThat(this.renderer.sameAs(published, catalog, Stage.PREVIEW, missingAsset, this.context)).isEmpty();
	}

}
