package dev.marquee.ingestion.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import dev.marquee.ingestion.HostileInputs;
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
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The template validator and renderer over arbitrary page fields (hostile text
 * everywhere, unknown templates and element types, nulls, missing and dangling
 * references) and catalog documents that passed the catalog check: a page either renders
 * or is rejected with violations that each name a field; a rendered page's plain-text
 * fields carry no markup, and its rich text only allowed elements and safe links; prose
 * survives the sanitizer exactly, and URL-valued fields accept nothing but plain http(s)
 * URLs.
 */
class PageRendererPropertiesTests {

	// What a browser would treat as a tag in text meant to be plain.
	private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]");

	// Any tag the sanitizer may have written: its output quotes every attribute and
	// encodes '<' and '>' in them.
	private static final Pattern ANY_TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^<>]*)>");

	private static final Pattern LINK_ATTRIBUTES = Pattern.compile(" href=\"([^\"]*)\" rel=\"noopener noreferrer\"");

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
	void sanitizedHtmlIsOnlyAllowedTagsAndSafeLinks() {
		AtomicInteger changed = new AtomicInteger();
		qt().withExamples(1000).withShrinkCycles(SHRINK_CYCLES).forAll(HostileInputs.text()).checkAssert((html) -> {
			String sanitized = RichTextSanitizer.sanitize(html);
			assertSanitized(sanitized);
			changed.addAndGet(sanitized.equals(html) ? 0 : 1);
		});
		// Counted, so that the property is not vacuous: most inputs are attacks the
		// policy had to change.
		assertThat(changed).as("examples the sanitizer changed").hasValueGreaterThan(300);
	}

	@Test
	void proseWithoutMarkupSurvivesExactly() {
		AtomicInteger tricky = new AtomicInteger();
		Gen<String> prose = lists()
			.of(Generate.frequency(Pair.of(3, Generate.pick(PROSE)), Pair.of(2,
					strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 5).map((s) -> s.replaceAll("[<>&]", "")))))
			.ofSizeBetween(0, 10)
			// '{' is the one character text does not keep as is: the library puts an
			// empty comment after it, against
			// client-side template injection ({{...}}).
			.map((pieces) -> String.join("", pieces).replace('{', '('));
		qt().withExamples(1000).withShrinkCycles(SHRINK_CYCLES).forAll(prose).checkAssert((text) -> {
			String html = "<p>" + text + "</p>";
			assertThat(RichTextSanitizer.sanitize(html)).isEqualTo(html);
			tricky.addAndGet((text.contains("=") || text.contains(":") || text.contains("\"")) ? 1 : 0);
		});
		assertThat(tricky).as("examples with '=', ':' or quotes").hasValueGreaterThan(300);
	}

	@Test
	void urlFieldsAcceptOnlyPlainHttpUrls() {
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refusedHttpLookalikes = new AtomicInteger();
		// A third start as a valid URL, so that both answers are common: accepted, and
		// refused look-alikes.
		Gen<String> url = Generate
			.pick(List.of("", "", "", "https://example.com/", "http://a.test", "HTTPS://x.test/p"))
			.zip(lists().of(Generate.pick(URL_PIECES)).ofSizeBetween(0, 6),
					(start, pieces) -> start + String.join("", pieces));
		qt().withExamples(2000).withShrinkCycles(SHRINK_CYCLES).forAll(url).checkAssert((value) -> {
			String problem = SafeUrls.webUrlProblem(value);
			if (problem == null) {
				accepted.incrementAndGet();
				assertThat(value).matches("(?i)https?://[^/?#]+.*").doesNotContainPattern("[\\s\\p{Cc}\\p{Cf}]");
				assertThat(value).doesNotContain("&#");
			}
			else if (SafeUrls.normalise(value).toLowerCase(Locale.ROOT).startsWith("http")) {
				refusedHttpLookalikes.incrementAndGet();
			}
			// Whatever a browser would read as a script or data scheme is never accepted.
			String read = SafeUrls.normalise(value).toLowerCase(Locale.ROOT);
			if (read.startsWith("javascript:") || read.startsWith("vbscript:") || read.startsWith("data:")) {
				assertThat(problem).as(value).isNotNull();
			}
		});
		assertThat(accepted).as("accepted examples").hasValueGreaterThan(100);
		assertThat(refusedHttpLookalikes).as("refused examples that normalise to http...").hasValueGreaterThan(100);
	}

	private static final List<String> PROSE = List.of("the word onion=good", "javascript: is a word", "onclick=", " ",
			"\"quoted\"", "it's", "a+b", "@me", "`x`", "1 = 1", "vbscript: too", "data: and more",
			"(not a placeholder)", "\u00e9t\u00e9", ", ", ".", "href=", "style=position:fixed");

	private static final List<String> URL_PIECES = List.of("http", "https", "HTTPS", "://", ":", "//", "/", "java",
			"script", "vb", "data", "javascript:", "&#106;", "&#00000000106;", "&#x6A;", "&colon;", "&Tab;", "\t", "\n",
			" ", "\u0000", "\u200B", "example.com", "a", "?q=1", "#x", "%20", "&", "h", "t", "p", "s", ".", "@",
			"https://", "http://", "text/html,", "alert(1)");

	/**
	 * What the sanitizer may produce: text (with {@code <} and {@code >} encoded), the
	 * allowed elements without attributes, and links whose only attributes are an
	 * absolute http, https or mailto {@code href} and {@code rel="noopener noreferrer"}.
	 */
	private static void assertSanitized(String html) {
		Matcher tags = ANY_TAG.matcher(html);
		StringBuilder text = new StringBuilder();
		int from = 0;
		while (tags.find()) {
			text.append(html, from, tags.start());
			from = tags.end();
			String name = tags.group(2).toLowerCase(Locale.ROOT);
			assertThat(Arrays.asList(RichTextSanitizer.ELEMENTS)).as(html).contains(name);
			String attributes = tags.group(3);
			if ("a".equals(name) && tags.group(1).isEmpty()) {
				Matcher link = LINK_ATTRIBUTES.matcher(attributes);
				assertThat(link.matches()).as(html).isTrue();
				String href = decoded(link.group(1)).toLowerCase(Locale.ROOT);
				assertThat(href).as(html).matches("(https?://|mailto:).*");
			}
			else {
				assertThat(attributes).as(html).isEmpty();
			}
		}
		text.append(html.substring(from));
		// The library's own "{<!-- -->{" (against client-side template injection) is the
		// one comment it writes.
		assertThat(text.toString().replace("{<!-- -->{", "{{").replace("{<!-- -->", "{")).as(html)
			.doesNotContain("<")
			.doesNotContain(">");
	}

	/**
	 * Every numeric character reference and the named ones that spell a scheme's
	 * characters, decoded.
	 */
	private static String decoded(String html) {
		return NUMERIC_REFERENCE.matcher(html.replace("&colon;", ":").replace("&Tab;", "\t").replace("&NewLine;", "\n"))
			.replaceAll((reference) -> {
				String number = reference.group(1);
				int codePoint = number.toLowerCase().startsWith("x") ? Integer.parseInt(number.substring(1), 16)
						: Integer.parseInt(number);
				return java.util.regex.Matcher.quoteReplacement(Character.toString(codePoint));
			})
			.replace("&amp;", "&");
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s", "");
	}

	/**
	 * The sample catalog, plus titles {@code title-gen-N} named by the generator that
	 * pass the catalog check.
	 */
	private static Catalog catalog(List<String> titleNames) {
		Map<String, TitleFields> titles = new LinkedHashMap<>();
		for (int i = 0; i < titleNames.size(); i++) {
			TitleFields title = new TitleFields(titleNames.get(i), titleNames.get(i), "TV-14",
					List.of(titleNames.get(i)), "asset-001");
			if (CatalogChecks.check(title).isEmpty()) {
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
		Gen<String> slug = orNull(Generate
			.oneOf(Generate.pick(List.of("home", "articles/story-01", "a-b/c", "a".repeat(201))), HostileInputs.text()),
				5);
		Gen<String> text = Generate.frequency(Pair.of(3, HostileInputs.text()),
				Pair.of(1, Generate.pick(List.of("Plain words", "{{title:title-gen-0.name}}",
						"{{title:title-gen-1.synopsis}}", "{{title:title-001.name}}", "{{talent:talent-001}}"))));
		return slug.zip(template, orNull(text, 10), orNull(text, 30),
				lists().of(orNull(element(text), 3)).ofSizeBetween(0, 6), PageFields::new);
	}

	/**
	 * Articles that pass the template checks often: random pages (above) almost never
	 * render, and the rendered-text property needs rendered pages. Hostile text goes into
	 * the rich text and, less often, the plain fields; placeholders bring in the
	 * generated catalog titles.
	 */
	private static Gen<PageFields> articles() {
		// Generated titles exist only when their hostile names pass the catalog check:
		// referenced now and then.
		Gen<String> plain = Generate.frequency(Pair.of(2, HostileInputs.text()),
				Pair.of(6, Generate.pick(List.of("Plain words", "{{title:title-001.name}}", "{{talent:talent-001}}"))),
				Pair.of(1, Generate.pick(List.of("{{title:title-gen-0.name}}", "{{title:title-gen-1.synopsis}}",
						"{{title:title-gen-0.genres}}"))));
		Gen<ElementFields> element = Generate.oneOf(
				HostileInputs.text()
					.map((html) -> new ElementFields(null, "RICH_TEXT", Map.of("html", html), null, null, null)),
				plain.map((quote) -> new ElementFields(null, "QUOTE", Map.of("quote", quote), null, null,
						List.of("talent-001"))),
				plain.map((caption) -> new ElementFields(null, "IMAGE", Map.of("caption", caption),
						List.of("asset-001"), null, null)),
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
			.zip(plain, plain, elements,
					(slug, title, summary, list) -> new PageFields(slug, "article", title, summary, list));
	}

	private static Gen<ElementFields> element(Gen<String> text) {
		Gen<String> id = orNull(Generate.frequency(Pair.of(5,
				lists().of(Generate.pick(ALPHA)).ofSizeBetween(1, 4).map((letters) -> String.join("", letters))),
				Pair.of(1, Generate.pick(List.of("", " ", "x".repeat(201))))), 5);
		List<String> typeNames = new ArrayList<>();
		for (ElementType type : ElementType.values()) {
			typeNames.add(type.name());
		}
		typeNames.addAll(List.of("rich-text", "title_row", "BLINK", ""));
		Gen<String> type = orNull(Generate.pick(typeNames), 3);
		Gen<String> name = Generate.pick(List.of("heading", "subheading", "html", "caption", "quote", "attribution",
				"videoUrl", "ctaLabel", "ctaUrl", "body", "<b>"));
		// Up to 4 entries; a name drawn twice keeps its last text, as a map of at most 4
		// distinct names would.
		Gen<Map<String, String>> texts = lists().of(name.zip(orNull(text, 5), Pair::of))
			.ofSizeBetween(0, 4)
			.map((entries) -> {
				Map<String, String> map = new LinkedHashMap<>();
				entries.forEach((entry) -> map.put(entry._1, entry._2));
				return map;
			});
		Gen<Head> head = id.zip(type, orNull(texts, 10), Head::new);
		return head.zip(ids("asset-001", "asset-002", "asset-003"),
				ids("title-001", "title-002", "title-gen-0", "title-gen-1"), ids("talent-001", "talent-002"),
				(h, assets, titles, talent) -> new ElementFields(h.id(), h.type(), h.texts(), assets, titles, talent));
	}

	/**
	 * The first three of an element's fields (QuickTheories combines at most five
	 * generators at once).
	 */
	private record Head(@Nullable String id, @Nullable String type, @Nullable Map<String, String> texts) {
	}

	private static Gen<List<String>> ids(String... known) {
		Gen<String> id = orNull(Generate.frequency(Pair.of(8, Generate.pick(List.of(known))),
				Pair.of(1, Generate.pick(List.of("missing-x", "", "y".repeat(201))))), 2);
		return orNull(lists().of(id).ofSizeBetween(0, 3), 20);
	}

}
