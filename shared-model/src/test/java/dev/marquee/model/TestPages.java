package dev.marquee.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Example pages for the shared-model tests.
 */
public final class TestPages {

	private TestPages() {
	}

	public static Image image(String assetId) {
		return new Image(assetId, "https://cdn.example.test/" + assetId + ".jpg", 1920, 1080, "image/jpeg",
				"alt " + assetId, 0.5, 0.25,
				List.of(new Rendition(480, 270, "https://cdn.example.test/" + assetId + ".jpg?w=480"),
						new Rendition(960, 540, "https://cdn.example.test/" + assetId + ".jpg?w=960")));
	}

	public static Page page(String pageId, long version) {
		TitleCard title = new TitleCard("t-1", "Stranger Things", "Kids, a lab and the Upside Down.", "TV-14",
				List.of("Sci-Fi", "Horror"), image("a-1"));
		TalentCard talent = new TalentCard("p-1", "Millie Bobby Brown", null);
		List<Element> elements = List.of(
				new Element("e-1", ElementType.HERO, 0, Map.of("heading", "Welcome", "subheading", "to Tudum"),
						List.of(image("a-2")), List.of(), List.of()),
				new Element("e-2", ElementType.TITLE_ROW, 1, Map.of("heading", "Top 10"), List.of(),
						List.of(title, title), List.of()),
				new Element("e-3", ElementType.QUOTE, 2, Map.of("quote", "Friends don't lie."), List.of(), List.of(),
						List.of(talent)));
		return new Page(pageId, "slug-" + pageId, Stage.PUBLISHED, "home", "Home " + pageId, null, elements, version, 3,
				Instant.parse("2026-11-26T10:15:30.123Z"), "trace-" + pageId);
	}

}
