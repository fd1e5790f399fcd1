package dev.marquee.ingestion.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Large synthetic datasets for tests and the benchmark: {@code pages} article pages of
 * {@code elementsPerPage} elements each, over a small catalog, as native-format webhook
 * bodies. Deterministic for a seed. Post {@link #catalogDeliveries()} first, then
 * {@link #pageDeliveries()}; an edit of page {@code i} is
 * {@link #pageDelivery(int, long, String)} with a higher version.
 *
 * <pre>{@code
 * SyntheticContent content = SyntheticContent.generate(1000, 50, 42);
 * content.catalogDeliveries().forEach(webhook::post);
 * content.pageDeliveries().forEach(webhook::post);
 * webhook.post(content.pageDelivery(7, 2, "edit-1"));   // heading of page 7 now contains "edit-1"
 * }</pre>
 */
public final class SyntheticContent {

	/** The most elements a page can have (the {@code article} template's limit). */
	public static final int MAX_ELEMENTS_PER_PAGE = 80;

	private static final String[] TYPES = { "RICH_TEXT", "IMAGE", "QUOTE", "TITLE_CARD", "TALENT_CARD", "GALLERY",
			"VIDEO", "RICH_TEXT" };

	private final int pages;

	private final int elementsPerPage;

	private final long seed;

	private final int assets;

	private final int titles;

	private final int talent;

	private SyntheticContent(int pages, int elementsPerPage, long seed) {
		this.pages = pages;
		this.elementsPerPage = elementsPerPage;
		this.seed = seed;
		this.titles = Math.max(10, Math.min(1000, pages));
		this.talent = Math.max(10, Math.min(500, pages / 2));
		this.assets = this.titles + this.talent + 20;
	}

	/**
	 * A dataset.
	 * @param pages how many pages
	 * @param elementsPerPage elements on each page, 1 to {@value #MAX_ELEMENTS_PER_PAGE}
	 * @param seed makes the content reproducible
	 * @return the dataset
	 */
	public static SyntheticContent generate(int pages, int elementsPerPage, long seed) {
		if (pages < 1 || elementsPerPage < 1 || elementsPerPage > MAX_ELEMENTS_PER_PAGE) {
			throw new IllegalArgumentException("need pages ≥ 1 and 1 ≤ elementsPerPage ≤ " + MAX_ELEMENTS_PER_PAGE);
		}
		return new SyntheticContent(pages, elementsPerPage, seed);
	}

	public int pageCount() {
		return this.pages;
	}

	public int elementsPerPage() {
		return this.elementsPerPage;
	}

	/**
	 * The id of a page.
	 * @param index 0-based page index
	 * @return its page id
	 */
	public String pageId(int index) {
		return String.format(Locale.ROOT, "synthetic-page-%06d", index);
	}

	/**
	 * The slug of a page.
	 * @param index 0-based page index
	 * @return its slug
	 */
	public String slug(int index) {
		return String.format(Locale.ROOT, "synthetic/page-%06d", index);
	}

	/**
	 * Assets, talent and titles, in the order to post them.
	 * @return webhook bodies
	 */
	public List<String> catalogDeliveries() {
		List<String> deliveries = new ArrayList<>();
		for (int n = 0; n < this.assets; n++) {
			deliveries.add(NativeDeliveries.delivery("asset", assetId(n), "publish", 1, NativeDeliveries
				.asset("synthetic/" + assetId(n) + ".jpg", 1920, 1080, "synthetic image " + n, 0.5, 0.4)));
		}
		for (int n = 0; n < this.talent; n++) {
			deliveries.add(NativeDeliveries.delivery("talent", talentId(n), "publish", 1,
					NativeDeliveries.talent("Synthetic Person " + n, assetId(this.titles + n))));
		}
		for (int n = 0; n < this.titles; n++) {
			deliveries.add(NativeDeliveries.delivery("title", titleId(n), "publish", 1,
					NativeDeliveries.title("Synthetic Title " + n, "The synopsis of synthetic title " + n + ".",
							"TV-14", List.of("Drama", "Sci-Fi"), assetId(n))));
		}
		return deliveries;
	}

	/**
	 * Every page at version 1.
	 * @return webhook bodies
	 */
	public List<String> pageDeliveries() {
		List<String> deliveries = new ArrayList<>(this.pages);
		for (int i = 0; i < this.pages; i++) {
			deliveries.add(pageDelivery(i, 1, "v1"));
		}
		return deliveries;
	}

	/**
	 * One page publish; the hero heading carries {@code marker}, so a reader can tell
	 * which edit it sees.
	 * @param index 0-based page index
	 * @param version the CMS version (increase it for each edit)
	 * @param marker text put into the hero heading
	 * @return the webhook body
	 */
	public String pageDelivery(int index, long version, String marker) {
		Random random = new Random(this.seed * 31 + index);
		List<Map<String, Object>> elements = new ArrayList<>();
		elements.add(NativeDeliveries.element("hero", "HERO",
				SampleContentGenerator.text("heading", "Page " + index + " " + marker, "subheading",
						"{{title:" + titleId(random.nextInt(this.titles)) + ".name}}"),
				List.of(assetId(random.nextInt(this.assets))), List.of(), List.of()));
		for (int e = 1; e < this.elementsPerPage; e++) {
			String type = TYPES[(e - 1) % TYPES.length];
			String id = "e" + e;
			elements.add(switch (type) {
				case "RICH_TEXT" -> NativeDeliveries.element(id, type,
						SampleContentGenerator.text("html", "<p>Paragraph " + e + " about {{title:"
								+ titleId(random.nextInt(this.titles)) + ".name}}.</p>"),
						List.of(), List.of(), List.of());
				case "IMAGE" -> NativeDeliveries.element(id, type, SampleContentGenerator.text("caption", "Image " + e),
						List.of(assetId(random.nextInt(this.assets))), List.of(), List.of());
				case "QUOTE" -> NativeDeliveries.element(id, type,
						SampleContentGenerator.text("quote", "Quote number " + e, "attribution",
								"{{talent:" + talentId(random.nextInt(this.talent)) + ".name}}"),
						List.of(), List.of(), List.of());
				case "TITLE_CARD" -> NativeDeliveries.element(id, type, Map.of(), List.of(),
						List.of(titleId(random.nextInt(this.titles))), List.of());
				case "TALENT_CARD" -> NativeDeliveries.element(id, type, Map.of(), List.of(), List.of(),
						List.of(talentId(random.nextInt(this.talent))));
				case "GALLERY" ->
					NativeDeliveries.element(id, type, SampleContentGenerator.text("heading", "Gallery " + e),
							List.of(assetId(random.nextInt(this.assets)), assetId(random.nextInt(this.assets)),
									assetId(random.nextInt(this.assets))),
							List.of(), List.of());
				default -> NativeDeliveries.element(id, "VIDEO",
						SampleContentGenerator.text("videoUrl", "https://video.marquee.local/clip-" + e + ".m3u8",
								"caption", "Clip " + e),
						List.of(assetId(random.nextInt(this.assets))), List.of(), List.of());
			});
		}
		return NativeDeliveries.delivery("page", pageId(index), "publish", version,
				NativeDeliveries.page(slug(index), "article", "Synthetic page " + index,
						"A synthetic article with " + this.elementsPerPage + " elements", elements));
	}

	private static String assetId(int n) {
		return String.format(Locale.ROOT, "synthetic-asset-%05d", n);
	}

	private static String titleId(int n) {
		return String.format(Locale.ROOT, "synthetic-title-%05d", n);
	}

	private static String talentId(int n) {
		return String.format(Locale.ROOT, "synthetic-talent-%05d", n);
	}

}
