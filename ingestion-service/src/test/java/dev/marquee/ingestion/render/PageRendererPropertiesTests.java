package dev.marquee.ingestion.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import dev.marquee.ingestion.HostileInputs;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.ElementFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

import static dev.marquee.ingestion.HostileInputs.orNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The template validator and renderer over arbitrary page fields (hostile text everywhere, unknown templates
 * and element types, nulls, missing and dangling references) and catalog documents that passed the catalog
 * check: a page either renders or is rejected with violations that each name a field; a rendered page's
 * plain-text fields carry no markup, and its rich text no script, event handler or script URL.
 */
class PageRendererPropertiesTests {

	// What a browser would treat as a tag in text meant to be plain.
	private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]");

	// A script element: the tag name ends at whitespace, '/' or '>' (<scripton> is another element).
	private static final Pattern SCRIPT_TAG = Pattern.compile("(?i)<script(?=[\\s/>]|$)");

	private static final Pattern HANDLER = Pattern.compile("(?i)[\\s/\"']on\\w+\\s*=");

	private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});?");

	private static final Pattern FIELD = Pattern
		.compile("(template|slug|title|summary|elements)(\\[\\d+\\](\\.[A-Za-z]+(\\[\\d+\\])?(\\.\\S+)?)?)?");

	// Half of them random pages, half articles that often render.
	private static final int PAGE_EXAMPLES = 500;

	// Enough to cut a failing page down to what fails, without minutes of shrinking.
	private static final int SHRINK_CYCLES = 200;

	private static final List<String> ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".chars()
		.mapToObj(Character::toString)
		.toList();

	private static final Catalog SAMPLE = InMemoryCatalog.sample();

	private final PageRenderer renderer = InMemoryCatalog.renderer();

	private final PageRenderer.Context context = new PageRenderer.Context(2, 1, Instant.EPOCH, "trace");

	@Test
	void pageRendersOrIsRejectedWithViolationsThatEachNameAField() {
		qt().withExamples(PAGE_EXAMPLES)
			.withShrinkCycles(SHRINK_CYCLES)
			.forAll(Generate.oneOf(pages(), articles()), titleNames())
			.checkAssert((fields, titleNames) -> {
				try {
					this.renderer.render("page-1", fields, Stage.PUBLISHED, catalog(titleNames), this.context);
				}
				catch (RenderException ex) {
					assertThat(ex.violations()).isNotEmpty()
						.allSatisfy((violation) -> assertThat(violation.field()).matches(FIELD));
				}
			});
	}

	@Test
	void renderedTextIsSafeToEmbed() {
		qt().withExamples(PAGE_EXAMPLES)
			.withShrinkCycles(SHRINK_CYCLES)
			.forAll(Generate.oneOf(pages(), articles()), titleNames())
			.checkAssert(this::renderedTextIsSafeToEmbed);
	}

	private void renderedTextIsSafeToEmbed(PageFields fields, List<String> titleNames) {
		Page page;
		try {
			page = this.renderer.render("page-1", fields, Stage.PUBLISHED, catalog(titleNames), this.context).page();
		}
		catch (RenderException ex) {
			return;
		}
		List<String> plain = new ArrayList<>(Arrays.asList(page.title(), page.summary()));
		for (Element element : page.elements()) {
			if (element.type() == ElementType.RICH_TEXT) {
				element.text().values().forEach(PageRendererPropertiesTests::assertSanitized);
			}
			else {
				plain.addAll(element.text().values());
			}
			for (TitleCard title : element.titles()) {
				plain.addAll(List.of(title.name(), title.synopsis(), title.maturityRating()));
				plain.addAll(title.genres());
			}
			element.talent().stream().map(TalentCard::name).forEach(plain::add);
			element.images().stream().map(Image::altText).forEach(plain::add);
		}
		assertThat(plain).allSatisfy((text) -> {
			if (text != null) {
				assertThat(text).doesNotContainPattern(TAG);
				assertThat(withoutWhitespace(text)).doesNotContainIgnoringCase("javascript:");
			}
		});
	}

	@Test
	void sanitizedHtmlHasNoScriptNoHandlerAndNoScriptUrl() {
		qt().withExamples(500)
			.withShrinkCycles(SHRINK_CYCLES)
			.forAll(HostileInputs.text())
			.checkAssert((html) -> assertSanitized(PageRenderer.sanitize(html)));
	}

	private static void assertSanitized(String html) {
		assertThat(html).doesNotContainPattern(SCRIPT_TAG).doesNotContainPattern(HANDLER);
		// What a browser reads in an attribute: character references decoded, whitespace in a scheme ignored.
		assertThat(withoutWhitespace(decoded(html))).doesNotContainIgnoringCase("javascript:")
			.doesNotContainIgnoringCase("vbscript:");
	}

	/** Every numeric character reference and the named ones that spell a scheme's characters, decoded. */
	private static String decoded(String html) {
		return NUMERIC_REFERENCE.matcher(html.replace("&colon;", ":").replace("&Tab;", "\t").replace("&NewLine;", "\n"))
			.replaceAll((reference) -> {
				String number = reference.group(1);
				int codePoint = number.toLowerCase().startsWith("x") ? Integer.parseInt(number.substring(1), 16)
						: Integer.parseInt(number);
				return java.util.regex.Matcher.quoteReplacement(Character.toString(codePoint));
			});
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s", "");
	}

	/** The sample catalog, plus titles {@code title-gen-N} named by the generator that pass the catalog check. */
	private static Catalog catalog(List<String> titleNames) {
		Map<String, TitleFields> titles = new LinkedHashMap<>();
		for (int i = 0; i < titleNames.size(); i++) {
			TitleFields title = new TitleFields(titleNames.get(i), titleNames.get(i), "TV-14", List.of(titleNames.get(i)),
					"asset-001");
			if (PageRenderer.checkCatalog(ContentType.TITLE, title).isEmpty()) {
				titles.put("title-gen-" + i, title);
			}
		}
		return new WithTitles(titles, SAMPLE);
	}

	/** Generated titles in front of a catalog. */
	record WithTitles(Map<String, TitleFields> titles, Catalog catalog) implements Catalog {

		@Override
		public Optional<TitleFields> title(String id) {
			return Optional.ofNullable(this.titles.get(id)).or(() -> this.catalog.title(id));
		}

		@Override
		public Optional<TalentFields> talent(String id) {
			return this.catalog.talent(id);
		}

		@Override
		public Optional<AssetFields> asset(String id) {
			return this.catalog.asset(id);
		}

	}

	private static Gen<List<String>> titleNames() {
		return lists().of(HostileInputs.text()).ofSizeBetween(0, 3);
	}

	private static Gen<PageFields> pages() {
		Gen<String> template = orNull(Generate.pick(List.of("home", "article", "title-hub", "landing", "")), 5);
		Gen<String> slug = orNull(Generate.oneOf(Generate.pick(List.of("home", "articles/story-01", "a-b/c", "a".repeat(201))),
				HostileInputs.text()), 5);
		Gen<String> text = Generate.frequency(Pair.of(3, HostileInputs.text()),
				Pair.of(1, Generate.pick(List.of("Plain words", "{{title:title-gen-0.name}}", "{{title:title-gen-1.synopsis}}",
						"{{title:title-001.name}}", "{{talent:talent-001}}"))));
		return slug.zip(template, orNull(text, 10), orNull(text, 30), lists().of(orNull(element(text), 3)).ofSizeBetween(0, 6),
				PageFields::new);
	}

	/**
	 * Articles that pass the template checks often: random pages (above) almost never render, and the
	 * rendered-text property needs rendered pages. Hostile text goes into the rich text and, less often, the plain
	 * fields; placeholders bring in the generated catalog titles.
	 */
	private static Gen<PageFields> articles() {
		// Generated titles exist only when their hostile names pass the catalog check: referenced now and then.
		Gen<String> plain = Generate.frequency(Pair.of(2, HostileInputs.text()),
				Pair.of(6, Generate.pick(List.of("Plain words", "{{title:title-001.name}}", "{{talent:talent-001}}"))),
				Pair.of(1, Generate.pick(List.of("{{title:title-gen-0.name}}", "{{title:title-gen-1.synopsis}}",
						"{{title:title-gen-0.genres}}"))));
		Gen<ElementFields> element = Generate.oneOf(
				HostileInputs.text().map((html) -> new ElementFields(null, "RICH_TEXT", Map.of("html", html), null, null, null)),
				plain.map((quote) -> new ElementFields(null, "QUOTE", Map.of("quote", quote), null, null, List.of("talent-001"))),
				plain.map((caption) -> new ElementFields(null, "IMAGE", Map.of("caption", caption), List.of("asset-001"), null,
						null)),
				Generate.pick(List.of("title-001", "title-001", "title-001", "title-gen-0"))
					.map((title) -> new ElementFields(null, "TITLE_CARD", null, null, List.of(title), null)),
				Generate.constant(new ElementFields(null, "TALENT_CARD", null, null, null, List.of("talent-001"))));
		Gen<List<ElementFields>> elements = lists().of(element).ofSizeBetween(1, 5).map((list) -> {
			List<ElementFields> withIds = new ArrayList<>();
			for (ElementFields e : list) {
				withIds.add(new ElementFields("e" + withIds.size(), e.type(), e.text(), e.assetIds(), e.titleIds(),
						e.talentIds()));
			}
			return withIds;
		});
		return Generate.pick(List.of("articles/story-01", "a-b/c"))
			.zip(plain, plain, elements, (slug, title, summary, list) -> new PageFields(slug, "article", title, summary, list));
	}

	private static Gen<ElementFields> element(Gen<String> text) {
		Gen<String> id = orNull(Generate.frequency(Pair.of(5, lists().of(Generate.pick(ALPHA)).ofSizeBetween(1, 4)
			.map((letters) -> String.join("", letters))), Pair.of(1, Generate.pick(List.of("", " ", "x".repeat(201))))), 5);
		List<String> typeNames = new ArrayList<>();
		for (ElementType type : ElementType.values()) {
			typeNames.add(type.name());
		}
		typeNames.addAll(List.of("rich-text", "title_row", "BLINK", ""));
		Gen<String> type = orNull(Generate.pick(typeNames), 3);
		Gen<String> name = Generate.pick(List.of("heading", "subheading", "html", "caption", "quote", "attribution",
				"videoUrl", "ctaLabel", "ctaUrl", "body", "<b>"));
		// Up to 4 entries; a name drawn twice keeps its last text, as a map of at most 4 distinct names would.
		Gen<Map<String, String>> texts = lists().of(name.zip(orNull(text, 5), Pair::of)).ofSizeBetween(0, 4).map((entries) -> {
			Map<String, String> map = new LinkedHashMap<>();
			entries.forEach((entry) -> map.put(entry._1, entry._2));
			return map;
		});
		Gen<Head> head = id.zip(type, orNull(texts, 10), Head::new);
		return head.zip(ids("asset-001", "asset-002", "asset-003"), ids("title-001", "title-002", "title-gen-0", "title-gen-1"),
				ids("talent-001", "talent-002"),
				(h, assets, titles, talent) -> new ElementFields(h.id(), h.type(), h.texts(), assets, titles, talent));
	}

	/** The first three of an element's fields (QuickTheories combines at most five generators at once). */
	private record Head(@Nullable String id, @Nullable String type, @Nullable Map<String, String> texts) {
	}

	private static Gen<List<String>> ids(String... known) {
		Gen<String> id = orNull(Generate.frequency(Pair.of(8, Generate.pick(List.of(known))),
				Pair.of(1, Generate.pick(List.of("missing-x", "", "y".repeat(201))))), 2);
		return orNull(lists().of(id).ofSizeBetween(0, 3), 20);
	}

}
