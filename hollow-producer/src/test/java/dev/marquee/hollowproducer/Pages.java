package dev.marquee.hollowproducer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

/**
 * Rendered pages for the tests: a small page, and fan-site-like pages whose elements share a catalog of
 * titles, talent and images the way Tudum's do.
 */
public final class Pages {

	private static final String[] GENRES = { "Drama", "Comedy", "Sci-Fi", "Horror", "Documentary", "Thriller",
			"Romance", "Anime", "Crime", "Fantasy" };

	private Pages() {
	}

	public static Page page(String pageId, long version, String title) {
		Element hero = new Element("e-1", ElementType.HERO, 0, Map.of("heading", title), List.of(image(1)), List.of(),
				List.of());
		return new Page(pageId, "slug-" + pageId, Stage.PUBLISHED, "home", title, null, List.of(hero), version, 1,
				Instant.now(), "trace-" + pageId + "-" + version);
	}

	public static PageChanged upsert(String pageId, long version, String title) {
		return PageChanged.upserted(page(pageId, version, title), null);
	}

	/**
	 * A page of a fan site: its elements are hero images, title rows, talent rows and text, referencing a
	 * shared catalog (500 titles, 300 people, 2,000 images).
	 * @param number the page number
	 * @param elements how many elements
	 * @param version the content version
	 * @return the page
	 */
	public static Page fanPage(int number, int elements, long version) {
		List<Element> list = new ArrayList<>(elements);
		for (int i = 0; i < elements; i++) {
			int seed = number * 31 + i * 7;
			String id = "e-" + i;
			Element element = switch (i % 4) {
				case 0 -> new Element(id, ElementType.HERO, i,
						Map.of("heading", "Inside the making of season " + (seed % 9 + 1), "subheading",
								"Everything we know so far"),
						List.of(image(seed % 2000)), List.of(), List.of());
				case 1 -> new Element(id, ElementType.TITLE_ROW, i, Map.of("heading", "Top 10 this week"), List.of(),
						List.of(title(seed % 500), title((seed + 1) % 500), title((seed + 2) % 500),
								title((seed + 3) % 500), title((seed + 4) % 500)),
						List.of());
				case 2 -> new Element(id, ElementType.QUOTE, i, Map.of("quote", "Friends don't lie."), List.of(),
						List.of(), List.of(talent(seed % 300), talent((seed + 1) % 300)));
				default -> new Element(id, ElementType.RICH_TEXT, i,
						Map.of("html", "<p>Page " + number + ", section " + i
								+ ": the cast returns for one more chapter, with new faces and old friends.</p>"),
						List.of(), List.of(), List.of());
			};
			list.add(element);
		}
		return new Page("page-" + number, "fan/page-" + number, Stage.PUBLISHED, "article", "Fan page " + number,
				"A page about title " + (number % 500), list, version, 1, Instant.ofEpochMilli(System.currentTimeMillis()), "trace-" + number);
	}

	private static TitleCard title(int n) {
		return new TitleCard("title-" + n, "Title number " + n, "A synopsis of title " + n
				+ " that runs to a sentence or two, as catalog synopses do.", (n % 3 == 0) ? "TV-MA" : "TV-14",
				List.of(GENRES[n % GENRES.length], GENRES[(n + 3) % GENRES.length]), image(n));
	}

	private static TalentCard talent(int n) {
		return new TalentCard("talent-" + n, "Person number " + n, image(1000 + n));
	}

	private static Image image(int n) {
		String url = "https://cdn.marquee.test/assets/asset-" + n + ".jpg";
		return new Image("asset-" + n, url, 1920, 1080, "image/jpeg", "Image " + n, 0.5, 0.5,
				List.of(new Rendition(480, 270, url + "?w=480"), new Rendition(960, 540, url + "?w=960")));
	}

}
