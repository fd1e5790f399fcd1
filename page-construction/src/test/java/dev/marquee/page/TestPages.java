package dev.marquee.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

/**
 * Example pages for the tests.
 */
public final class TestPages {

	private TestPages() {
	}

	/**
	 * A page of {@code count} elements, cycling through hero, title row and talent card
	 * elements.
	 */
	public static Page largePage(String pageId, String slug, Stage stage, long version, int count) {
		Page template = page(pageId, slug, stage, version, "Large");
		List<Element> elements = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			Element base = template.elements().get(i % template.elements().size());
			elements.add(new Element(base.elementId() + "-" + i, base.type(), i, Map.of("heading", "Element " + i),
					base.images(), base.titles(), base.talent()));
		}
		return new Page(pageId, slug, stage, template.template(), template.title(), template.summary(), elements,
				version, 1, template.ingestedAt(), template.traceId());
	}

	public static Page page(String pageId, String slug, Stage stage, long version, String heading) {
		return page(pageId, slug, stage, version, heading, Instant.now());
	}

	public static Page page(String pageId, String slug, Stage stage, long version, String heading, Instant ingestedAt) {
		Image image = new Image("asset-" + pageId, "https://cdn.example.test/" + pageId + ".jpg", 1920, 1080,
				"image/jpeg", "alt", 0.5, 0.5,
				List.of(new Rendition(640, 360, "https://cdn.example.test/" + pageId + ".jpg?w=640")));
		TitleCard title = new TitleCard("title-1", "Stranger Things", "Kids, a lab and the Upside Down.", "TV-14",
				List.of("Sci-Fi", "Horror"), image);
		List<Element> elements = List.of(
				new Element("hero-" + pageId, ElementType.HERO, 0, Map.of("heading", heading), List.of(image),
						List.of(), List.of()),
				new Element("row-" + pageId, ElementType.TITLE_ROW, 1, Map.of("heading", "Top 10"), List.of(),
						List.of(title), List.of()),
				new Element("cast-" + pageId, ElementType.TALENT_CARD, 2, Map.of(), List.of(), List.of(),
						List.of(new TalentCard("talent-1", "Millie Bobby Brown", null))));
		return new Page(pageId, slug, stage, "title-hub", "Title " + heading, "summary", elements, version, 1,
				ingestedAt, "trace-" + pageId + "-" + version);
	}

}
