package dev.marquee.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates the shipped sample content ({@code sample/}): 300 assets, 100 talent, 200
 * titles and 20 pages over the three templates, as native-format webhook bodies.
 * Deterministic (fixed seed), so the committed files are exactly what
 * {@link #main(String[])} writes. Each file is a JSON array of deliveries that the
 * launcher posts one by one; file names sort in post order (assets, talent, titles,
 * pages).
 */
public final class SampleContentGenerator {

	/** Assets in the sample. */
	public static final int ASSETS = 300;

	/** Talent in the sample. */
	public static final int TALENT = 100;

	/** Titles in the sample. */
	public static final int TITLES = 200;

	private static final String[] ADJECTIVES = { "Silent", "Crimson", "Hidden", "Last", "Electric", "Broken", "Golden",
			"Midnight", "Frozen", "Wild", "Distant", "Burning", "Lost", "Hollow", "Iron", "Velvet", "Neon", "Paper",
			"Glass", "Northern" };

	private static final String[] NOUNS = { "Harbor", "Kingdom", "Signal", "Orchard", "Frontier", "Witness", "Garden",
			"Engine", "Empire", "River", "Archive", "Lighthouse", "Circuit", "Meridian", "Horizon" };

	private static final String[] FIRST = { "Ava", "Noah", "Mila", "Leo", "Zara", "Omar", "Iris", "Theo", "Nina", "Kai",
			"Lena", "Ravi", "Sofia", "Jonah", "Yara", "Elio", "Maya", "Felix", "Aiko", "Dario" };

	private static final String[] LAST = { "Stone", "Reyes", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad",
			"Kowalski", "Brennan", "Silva" };

	private static final String[] GENRES = { "Drama", "Thriller", "Comedy", "Sci-Fi", "Documentary", "Crime", "Fantasy",
			"Romance", "Horror", "Animation" };

	private static final String[] RATINGS = { "TV-Y7", "TV-PG", "TV-14", "TV-MA", "PG-13", "R" };

	private SampleContentGenerator() {
	}

	/**
	 * Writes the sample files.
	 * @param args the target folder, {@code sample} by default
	 * @throws IOException if a file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path folder = Path.of((args.length > 0) ? args[0] : "sample");
		Files.createDirectories(folder);
		for (Map.Entry<String, List<String>> file : files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), toArray(file.getValue()), StandardCharsets.UTF_8);
		}
	}

	/**
	 * The sample files by name, in post order.
	 * @return file name → deliveries
	 */
	public static Map<String, List<String>> files() {
		Map<String, List<String>> files = new LinkedHashMap<>();
		files.put("01-assets.json", assets());
		files.put("02-talent.json", talent());
		files.put("03-titles.json", titles());
		files.put("04-pages.json", pages());
		return files;
	}

	static String toArray(List<String> deliveries) {
		return "[\n" + String.join(",\n", deliveries) + "\n]\n";
	}

	static String assetId(int n) {
		return String.format(Locale.ROOT, "asset-%03d", n);
	}

	static String titleId(int n) {
		return String.format(Locale.ROOT, "title-%03d", n);
	}

	static String talentId(int n) {
		return String.format(Locale.ROOT, "talent-%03d", n);
	}

	static List<String> assets() {
		Random random = new Random(300);
		List<String> deliveries = new ArrayList<>();
		int[][] sizes = { { 1920, 1080 }, { 1000, 1500 }, { 2048, 1152 }, { 800, 800 }, { 1280, 720 } };
		for (int n = 1; n <= ASSETS; n++) {
			int[] size = (n > TITLES) ? sizes[3] : sizes[random.nextInt(sizes.length)];
			String kind = (n <= TITLES) ? "artwork" : "headshot";
			deliveries.add(NativeDeliveries.delivery("asset", assetId(n), "publish", 1,
					NativeDeliveries.asset("sample/" + kind + "/" + assetId(n) + ".jpg", size[0], size[1],
							kind + " " + n, round(0.2 + random.nextDouble() * 0.6),
							round(0.2 + random.nextDouble() * 0.6))));
		}
		return deliveries;
	}

	static List<String> talent() {
		List<String> deliveries = new ArrayList<>();
		for (int n = 1; n <= TALENT; n++) {
			String name = FIRST[(n - 1) % FIRST.length] + " " + LAST[((n - 1) / FIRST.length) % LAST.length];
			deliveries.add(NativeDeliveries.delivery("talent", talentId(n), "publish", 1,
					NativeDeliveries.talent(name, assetId(TITLES + n))));
		}
		return deliveries;
	}

	static String titleName(int n) {
		return "The " + ADJECTIVES[(n - 1) % ADJECTIVES.length] + " "
				+ NOUNS[((n - 1) / ADJECTIVES.length) % NOUNS.length]
				+ (((n - 1) >= ADJECTIVES.length * NOUNS.length) ? " II" : "");
	}

	static List<String> titles() {
		Random random = new Random(200);
		List<String> deliveries = new ArrayList<>();
		for (int n = 1; n <= TITLES; n++) {
			List<String> genres = new ArrayList<>();
			genres.add(GENRES[random.nextInt(GENRES.length)]);
			String second = GENRES[random.nextInt(GENRES.length)];
			if (!genres.contains(second)) {
				genres.add(second);
			}
			String name = titleName(n);
			deliveries.add(NativeDeliveries.delivery("title", titleId(n), "publish", 1, NativeDeliveries.title(name,
					"When the " + NOUNS[random.nextInt(NOUNS.length)].toLowerCase(Locale.ROOT) + " falls silent, "
							+ FIRST[random.nextInt(FIRST.length)] + " must choose what to save.",
					RATINGS[random.nextInt(RATINGS.length)], genres, assetId(n))));
		}
		return deliveries;
	}

	static List<String> pages() {
		List<String> deliveries = new ArrayList<>();
		deliveries.add(home());
		for (int n = 1; n <= 7; n++) {
			deliveries.add(article(n));
		}
		for (int n = 1; n <= 12; n++) {
			deliveries.add(titleHub(n));
		}
		return deliveries;
	}

	private static String home() {
		List<Map<String, Object>> elements = new ArrayList<>();
		elements.add(NativeDeliveries.element("hero", "HERO", text("heading", "Now streaming: {{title:title-001.name}}",
				"subheading", "{{title:title-001.synopsis}}"), List.of(assetId(1)), List.of(), List.of()));
		for (int row = 0; row < 4; row++) {
			List<String> titles = new ArrayList<>();
			for (int i = 1; i <= 10; i++) {
				titles.add(titleId(row * 10 + i));
			}
			elements.add(NativeDeliveries.element("row-" + (row + 1), "TITLE_ROW",
					text("heading",
							new String[] { "Trending now", "New this week", "Critically acclaimed",
									"Because you watched {{title:title-002.name}}" }[row]),
					List.of(), titles, List.of()));
		}
		elements.add(NativeDeliveries.element("spotlight", "TITLE_CARD", Map.of(), List.of(), List.of(titleId(42)),
				List.of()));
		elements.add(NativeDeliveries.element("trailer", "VIDEO",
				text("videoUrl", "https://video.marquee.local/trailers/title-003.m3u8", "caption",
						"Official trailer: {{title:title-003.name}}"),
				List.of(assetId(3)), List.of(titleId(3)), List.of()));
		elements.add(NativeDeliveries.element("gallery", "GALLERY", text("heading", "Behind the scenes"),
				List.of(assetId(50), assetId(51), assetId(52), assetId(53)), List.of(), List.of()));
		elements.add(NativeDeliveries.element(
				"promo", "PROMO", text("heading", "Join Marquee", "body", "Editorial picks every week.", "ctaLabel",
						"Sign up", "ctaUrl", "https://marquee.local/join"),
				List.of(assetId(60)), List.of(), List.of()));
		return NativeDeliveries.delivery("page", "page-home", "publish", 1, NativeDeliveries.page("home", "home",
				"Marquee", "What to watch tonight, starring {{title:title-001.name}}", elements));
	}

	private static String article(int n) {
		int title = 100 + n * 3;
		int talent = n * 5;
		List<Map<String, Object>> elements = new ArrayList<>();
		elements.add(NativeDeliveries.element("hero", "HERO",
				text("heading", "Inside {{title:" + titleId(title) + ".name}}", "subheading",
						"{{talent:" + talentId(talent) + ".name}} on making it"),
				List.of(assetId(title)), List.of(), List.of()));
		elements.add(NativeDeliveries.element("intro", "RICH_TEXT",
				text("html",
						"<p>{{title:" + titleId(title) + ".synopsis}}</p><p>Rated {{title:" + titleId(title)
								+ ".maturityRating}}; genres: {{title:" + titleId(title) + ".genres}}.</p>"),
				List.of(), List.of(), List.of()));
		elements
			.add(NativeDeliveries.element("quote", "QUOTE",
					text("quote", "Every night on set felt like the last one.", "attribution",
							"{{talent:" + talentId(talent) + ".name}}"),
					List.of(), List.of(), List.of(talentId(talent))));
		elements.add(NativeDeliveries.element("still", "IMAGE", text("caption", "A still from the set"),
				List.of(assetId(title + 1)), List.of(), List.of()));
		elements.add(NativeDeliveries.element("cast", "TALENT_CARD", Map.of(), List.of(), List.of(),
				List.of(talentId(talent + 1))));
		elements.add(NativeDeliveries.element("about", "TITLE_CARD", Map.of(), List.of(), List.of(titleId(title)),
				List.of()));
		elements.add(NativeDeliveries.element("more", "RICH_TEXT", text("html", "<p>Streaming now on Marquee.</p>"),
				List.of(), List.of(), List.of()));
		String slug = String.format(Locale.ROOT, "articles/story-%02d", n);
		return NativeDeliveries.delivery("page", String.format(Locale.ROOT, "page-article-%02d", n), "publish", 1,
				NativeDeliveries.page(slug, "article", "The making of " + titleName(title),
						"How the team behind " + titleName(title) + " did it", elements));
	}

	private static String titleHub(int n) {
		int title = n;
		List<Map<String, Object>> elements = new ArrayList<>();
		elements.add(
				NativeDeliveries.element("hero", "HERO",
						text("heading", "{{title:" + titleId(title) + ".name}}", "subheading",
								"{{title:" + titleId(title) + ".genres}}"),
						List.of(assetId(title)), List.of(), List.of()));
		elements.add(NativeDeliveries.element("card", "TITLE_CARD", Map.of(), List.of(), List.of(titleId(title)),
				List.of()));
		elements.add(NativeDeliveries.element("trailer", "VIDEO", text("videoUrl",
				"https://video.marquee.local/trailers/" + titleId(title) + ".m3u8", "caption", "Watch the trailer"),
				List.of(assetId(title)), List.of(titleId(title)), List.of()));
		for (int i = 0; i < 3; i++) {
			int talent = ((n - 1) * 3 + i) % TALENT + 1;
			elements.add(NativeDeliveries.element("cast-" + (i + 1), "TALENT_CARD", Map.of(), List.of(), List.of(),
					List.of(talentId(talent))));
		}
		elements.add(NativeDeliveries.element("gallery", "GALLERY", text("heading", "Stills"),
				List.of(assetId(title + 20), assetId(title + 40), assetId(title + 60)), List.of(), List.of()));
		List<String> related = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			related.add(titleId((title + i * 7 - 1) % TITLES + 1));
		}
		elements.add(NativeDeliveries.element("related", "TITLE_ROW", text("heading", "More like this"), List.of(),
				related, List.of()));
		String id = titleId(title);
		return NativeDeliveries.delivery("page", "page-" + id, "publish", 1, NativeDeliveries.page("titles/" + id,
				"title-hub", titleName(title), "Everything about " + titleName(title), elements));
	}

	static Map<String, String> text(String... pairs) {
		Map<String, String> text = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			text.put(pairs[i], pairs[i + 1]);
		}
		return text;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
