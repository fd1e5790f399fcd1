package dev.marquee.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.marquee.model.json.MarqueeJson;

/**
 * A deterministic synthetic dataset in Marquee's native webhook format: a catalog of
 * assets, talent and titles, then pages of the {@code article} template with a fixed
 * number of elements each (hero, rich text with title placeholders, images, quotes, title
 * and talent cards, galleries, videos). Page {@code i} is the same whatever the dataset's
 * size, so a bigger dataset extends a smaller one and a repeated preload is a no-op (same
 * delivery ids).
 */
public final class DatasetGenerator {

	/** The {@code article} template allows at most this many elements. */
	public static final int MAX_ELEMENTS_PER_PAGE = 80;

	private static final String[] ELEMENT_CYCLE = { "RICH_TEXT", "IMAGE", "TITLE_CARD", "QUOTE", "TALENT_CARD",
			"GALLERY", "VIDEO" };

	private static final String[] GENRES = { "Drama", "Comedy", "Sci-Fi", "Thriller", "Documentary", "Animation",
			"Horror", "Romance" };

	private static final String[] RATINGS = { "TV-MA", "TV-14", "PG-13", "R", "TV-PG" };

	private static final JsonMapper JSON = MarqueeJson.mapper();

	private final int elementsPerPage;

	private final int assets;

	private final int talent;

	private final int titles;

	/**
	 * A generator.
	 * @param elementsPerPage elements on every page (1 to
	 * {@value #MAX_ELEMENTS_PER_PAGE})
	 * @param catalogSize titles and talent in the catalog (assets are twice as many);
	 * pages share them, as real pages share a catalog
	 */
	public DatasetGenerator(int elementsPerPage, int catalogSize) {
		if (elementsPerPage < 1 || elementsPerPage > MAX_ELEMENTS_PER_PAGE) {
			throw new IllegalArgumentException(
					"elements per page must be 1.." + MAX_ELEMENTS_PER_PAGE + ", was " + elementsPerPage);
		}
		if (catalogSize < 1) {
			throw new IllegalArgumentException("catalog size must be positive");
		}
		this.elementsPerPage = elementsPerPage;
		this.titles = catalogSize;
		this.talent = catalogSize;
		this.assets = catalogSize * 2;
	}

	public int elementsPerPage() {
		return this.elementsPerPage;
	}

	/**
	 * How many pages hold a number of elements.
	 * @param elements the total wanted
	 * @return pages, rounded up
	 */
	public int pagesFor(long elements) {
		return (int) Math.max(1, (elements + this.elementsPerPage - 1) / this.elementsPerPage);
	}

	/**
	 * @return the catalog deliveries, assets first (titles and talent reference them)
	 */
	public List<Delivery> catalog() {
		List<Delivery> deliveries = new ArrayList<>();
		for (int i = 0; i < this.assets; i++) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("file", "bench/asset-" + i + ".jpg");
			fields.put("width", 1920 + (i % 4) * 640);
			fields.put("height", 1080 + (i % 4) * 360);
			fields.put("mimeType", "image/jpeg");
			fields.put("altText", "Key art number " + i);
			fields.put("focalPoint", Map.of("x", 0.5, "y", 0.3));
			deliveries.add(delivery("bench-catalog-asset-" + i, document("asset", assetId(i), "publish", 1, fields)));
		}
		for (int i = 0; i < this.talent; i++) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", "Performer " + i);
			fields.put("headshotAssetId", assetId(i % this.assets));
			deliveries
				.add(delivery("bench-catalog-talent-" + i, document("talent", talentId(i), "publish", 1, fields)));
		}
		for (int i = 0; i < this.titles; i++) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", "Bench Title " + i);
			fields.put("synopsis", "A synthetic series number " + i + " about a town, a secret and a long winter.");
			fields.put("maturityRating", RATINGS[i % RATINGS.length]);
			fields.put("genres", List.of(GENRES[i % GENRES.length], GENRES[(i + 3) % GENRES.length]));
			fields.put("artworkAssetId", assetId((i + 1) % this.assets));
			deliveries.add(delivery("bench-catalog-title-" + i, document("title", titleId(i), "publish", 1, fields)));
		}
		return deliveries;
	}

	/**
	 * The first publish of a page.
	 * @param index the page's number
	 * @return its delivery
	 */
	public Delivery page(int index) {
		return delivery("bench-page-" + this.elementsPerPage + "-" + index + "-v1",
				document("page", pageId(index), "publish", 1, pageFields(index, "")));
	}

	/**
	 * An edit of a page: its summary and first rich-text element change.
	 * @param index the page's number
	 * @param version the CMS version, higher than every earlier one of the page
	 * @param action {@code publish} or {@code draft}
	 * @param marker text that identifies this edit in the rendered page
	 * @return its delivery (a fresh delivery id)
	 */
	public Delivery edit(int index, long version, String action, String marker) {
		return delivery("bench-edit-" + pageId(index) + "-" + version + "-" + marker,
				document("page", pageId(index), action, version, pageFields(index, marker)));
	}

	/**
	 * A page's id.
	 * @param index its number
	 * @return e.g. {@code bench-50-000017}
	 */
	public String pageId(int index) {
		return String.format("bench-%d-%06d", this.elementsPerPage, index);
	}

	/**
	 * A page's slug.
	 * @param index its number
	 * @return e.g. {@code bench-50-000017}
	 */
	public String slug(int index) {
		return pageId(index);
	}

	Map<String, Object> pageFields(int index, String marker) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("slug", slug(index));
		fields.put("template", "article");
		fields.put("title", "Bench article " + index);
		fields.put("summary",
				"Synthetic article " + index + " for the Marquee benchmark" + (marker.isEmpty() ? "" : " " + marker));
		List<Map<String, Object>> elements = new ArrayList<>();
		for (int position = 0; position < this.elementsPerPage; position++) {
			elements.add(element(index, position, (position == 1) ? marker : ""));
		}
		fields.put("elements", elements);
		return fields;
	}

	private Map<String, Object> element(int page, int position, String marker) {
		int seed = page * 131 + position * 17;
		String type = (position == 0) ? "HERO" : ELEMENT_CYCLE[(position - 1) % ELEMENT_CYCLE.length];
		Map<String, String> text = new LinkedHashMap<>();
		List<String> assetIds = new ArrayList<>();
		List<String> titleIds = new ArrayList<>();
		List<String> talentIds = new ArrayList<>();
		switch (type) {
			case "HERO" -> {
				text.put("heading", "Bench article " + page);
				text.put("subheading", "Everything about {{title:" + titleId(seed % this.titles) + ".name}}");
				assetIds.add(assetId(seed % this.assets));
			}
			case "RICH_TEXT" -> text.put("html",
					"<p>Paragraph " + position + " of article " + page + ". " + "{{title:" + titleId(seed % this.titles)
							+ ".name}} returns with {{talent:" + talentId(seed % this.talent)
							+ ".name}} in a story about {{title:" + titleId((seed + 7) % this.titles) + ".synopsis}}"
							+ (marker.isEmpty() ? "" : " " + marker) + "</p><p>Streaming now.</p>");
			case "IMAGE" -> {
				text.put("caption", "Still " + position + " from {{title:" + titleId(seed % this.titles) + ".name}}");
				assetIds.add(assetId(seed % this.assets));
			}
			case "TITLE_CARD" -> titleIds.add(titleId(seed % this.titles));
			case "QUOTE" -> {
				text.put("quote", "Every season we try to surprise ourselves. (" + position + ")");
				text.put("attribution", "{{talent:" + talentId(seed % this.talent) + ".name}}");
				talentIds.add(talentId(seed % this.talent));
			}
			case "TALENT_CARD" -> talentIds.add(talentId((seed + 3) % this.talent));
			case "GALLERY" -> {
				text.put("heading", "Gallery " + position);
				for (int i = 0; i < 3; i++) {
					assetIds.add(assetId((seed + i) % this.assets));
				}
			}
			case "VIDEO" -> {
				text.put("videoUrl", "https://video.marquee.example/bench/" + page + "/" + position + ".m3u8");
				text.put("caption", "Official trailer");
				assetIds.add(assetId((seed + 5) % this.assets));
				titleIds.add(titleId(seed % this.titles));
			}
			default -> throw new IllegalStateException(type);
		}
		Map<String, Object> element = new LinkedHashMap<>();
		element.put("id", "e" + position);
		element.put("type", type);
		element.put("text", text);
		element.put("assetIds", assetIds);
		element.put("titleIds", titleIds);
		element.put("talentIds", talentIds);
		return element;
	}

	static String assetId(int i) {
		return "bench-asset-" + i;
	}

	static String talentId(int i) {
		return "bench-talent-" + i;
	}

	static String titleId(int i) {
		return "bench-title-" + i;
	}

	private static Map<String, Object> document(String type, String id, String action, long version,
			Map<String, Object> fields) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", type);
		document.put("action", action);
		document.put("id", id);
		document.put("version", version);
		document.put("fields", fields);
		return document;
	}

	private static Delivery delivery(String id, Map<String, Object> document) {
		return new Delivery(id, JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
	}

}
