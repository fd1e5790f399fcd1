package dev.marquee.hollowproducer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;

/**
 * Rendered pages for the tests: a small page with one hero element. Datasets for
 * measurements are the bench's ({@code DatasetGenerator}).
 */
public final class Pages {

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

	private static Image image(int n) {
		String url = "https://cdn.marquee.test/assets/asset-" + n + ".jpg";
		return new Image("asset-" + n, url, 1920, 1080, "image/jpeg", "Image " + n, 0.5, 0.5,
				List.of(new Rendition(480, 270, url + "?w=480"), new Rendition(960, 540, url + "?w=960")));
	}

}
