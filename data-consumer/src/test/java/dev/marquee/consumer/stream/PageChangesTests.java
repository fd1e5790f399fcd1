package dev.marquee.consumer.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageChangesTests {

	private static final long VERSION = 1_764_000_000_000_000L;

	@Test
	void readsAValidUpsertAndDelete() {
		PageChanged upsert = PageChanged.upserted(page("p1", "slug", VERSION, List.of(element("e1", 0))), null);
		PageChanged delete = PageChanged.deleted("p1", Stage.PUBLISHED, "slug", VERSION + 1, Instant.EPOCH, "t");

		assertThat(PageChanges.read(MarqueeJson.write(upsert))).isEqualTo(upsert);
		assertThat(PageChanges.read(MarqueeJson.write(delete))).isEqualTo(delete);
	}

	@Test
	void rejectsBytesThatAreNotJson() {
		assertThatExceptionOfType(InvalidPageChangeException.class)
			.isThrownBy(() -> PageChanges.read("{oops".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(InvalidPageChangeException.class).isThrownBy(() -> PageChanges.read(null));
		assertThatExceptionOfType(InvalidPageChangeException.class)
			.isThrownBy(() -> PageChanges.read("null".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void rejectsAnUpsertWithoutPage() {
		String json = "{\"kind\":\"UPSERTED\",\"pageId\":\"p\",\"stage\":\"PUBLISHED\",\"slug\":\"s\","
				+ "\"contentVersion\":1,\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"traceId\":\"t\"}";
		assertThatExceptionOfType(InvalidPageChangeException.class)
			.isThrownBy(() -> PageChanges.read(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void rejectsAPageThatContradictsItsChange() {
		Page page = page("p1", "slug", VERSION, List.of());
		PageChanged otherVersion = new PageChanged(PageChanged.ChangeKind.UPSERTED, "p1", Stage.PUBLISHED, "slug", null,
				VERSION + 5, page.ingestedAt(), "t", page);
		PageChanged otherPage = new PageChanged(PageChanged.ChangeKind.UPSERTED, "p2", Stage.PUBLISHED, "slug", null,
				VERSION, page.ingestedAt(), "t", page);

		assertThatExceptionOfType(InvalidPageChangeException.class)
			.isThrownBy(() -> PageChanges.validate(otherVersion));
		assertThatExceptionOfType(InvalidPageChangeException.class).isThrownBy(() -> PageChanges.validate(otherPage));
	}

	@Test
	void rejectsRepeatedElementPositionsAndNonPositiveVersions() {
		PageChanged repeated = PageChanged
			.upserted(page("p1", "slug", VERSION, List.of(element("e1", 0), element("e2", 0))), null);
		PageChanged zero = PageChanged.deleted("p1", Stage.PUBLISHED, "slug", 0, Instant.EPOCH, "t");

		assertThatExceptionOfType(InvalidPageChangeException.class).isThrownBy(() -> PageChanges.validate(repeated));
		assertThatExceptionOfType(InvalidPageChangeException.class).isThrownBy(() -> PageChanges.validate(zero));
	}

	private static Page page(String pageId, String slug, long version, List<Element> elements) {
		return new Page(pageId, slug, Stage.PUBLISHED, "article", "Title", null, elements, version, 1,
				Instant.parse("2026-01-01T00:00:00Z"), "trace");
	}

	private static Element element(String id, int position) {
		return new Element(id, ElementType.RICH_TEXT, position, Map.of("html", "<p>x</p>"), List.of(), List.of(),
				List.of());
	}

}
