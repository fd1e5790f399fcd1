package dev.marquee.ingestion.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

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

import static org.assertj.core.api.Assertions.assertThat;

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

	private static final Catalog SAMPLE = InMemoryCatalog.sample();

	private final PageRenderer renderer = InMemoryCatalog.renderer();

	private final PageRenderer.Context context = new PageRenderer.Context(2, 1, Instant.EPOCH, "trace");

	@Property(tries = 300)
	void pageRendersOrIsRejectedWithViolationsThatEachNameAField(@ForAll("pages") PageFields fields,
			@ForAll("titleNames") List<String> titleNames) {
		try {
			this.renderer.render("page-1", fields, Stage.PUBLISHED, catalog(titleNames), this.context);
		}
		catch (RenderException ex) {
			assertThat(ex.violations()).isNotEmpty()
				.allSatisfy((violation) -> assertThat(violation.field()).matches(FIELD));
		}
	}

	@Property(tries = 300)
	void renderedTextIsSafeToEmbed(@ForAll("pages") PageFields fields, @ForAll("titleNames") List<String> titleNames) {
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

	@Property(tries = 500)
	void sanitizedHtmlHasNoScriptNoHandlerAndNoScriptUrl(@ForAll("html") String html) {
		assertSanitized(PageRenderer.sanitize(html));
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

	@Provide
	Arbitrary<List<String>> titleNames() {
		return HostileInputs.text().list().ofMaxSize(3);
	}

	@Provide
	Arbitrary<String> html() {
		return HostileInputs.text();
	}

	@Provide
	Arbitrary<PageFields> pages() {
		Arbitrary<String> template = Arbitraries.of("home", "article", "title-hub", "landing", "").injectNull(0.05);
		Arbitrary<String> slug = Arbitraries.oneOf(Arbitraries.of("home", "articles/story-01", "a-b/c", "a".repeat(201)),
				HostileInputs.text()).injectNull(0.05);
		Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(3, HostileInputs.text()),
				Tuple.of(1, Arbitraries.of("Plain words", "{{title:title-gen-0.name}}", "{{title:title-gen-1.synopsis}}",
						"{{title:title-001.name}}", "{{talent:talent-001}}")));
		return Combinators
			.combine(slug, template, text.injectNull(0.1), text.injectNull(0.3), element(text).injectNull(0.03).list().ofMaxSize(6))
			.as(PageFields::new);
	}

	private static Arbitrary<ElementFields> element(Arbitrary<String> text) {
		Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4)),
				Tuple.of(1, Arbitraries.of("", " ", "x".repeat(201)))).injectNull(0.05);
		List<String> typeNames = new ArrayList<>();
		for (ElementType type : ElementType.values()) {
			typeNames.add(type.name());
		}
		typeNames.addAll(List.of("rich-text", "title_row", "BLINK", ""));
		Arbitrary<String> type = Arbitraries.of(typeNames).injectNull(0.03);
		Arbitrary<String> name = Arbitraries.of("heading", "subheading", "html", "caption", "quote", "attribution",
				"videoUrl", "ctaLabel", "ctaUrl", "body", "<b>");
		Arbitrary<Map<String, String>> texts = Arbitraries.maps(name, text.injectNull(0.05)).ofMaxSize(4);
		Arbitrary<List<String>> assets = ids("asset-001", "asset-002", "asset-003");
		Arbitrary<List<String>> titles = ids("title-001", "title-002", "title-gen-0", "title-gen-1");
		Arbitrary<List<String>> talent = ids("talent-001", "talent-002");
		return Combinators.combine(id, type, texts.injectNull(0.1), assets, titles, talent).as(ElementFields::new);
	}

	private static Arbitrary<List<String>> ids(String... known) {
		return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(known)), Tuple.of(1, Arbitraries.of("missing-x", "", "y".repeat(201))))
			.injectNull(0.02)
			.list()
			.ofMaxSize(3)
			.injectNull(0.2);
	}

}
