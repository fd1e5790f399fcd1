package dev.marquee.page.cassandra;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of the suite (its name matches no test pattern): the heap a
 * near cache of N published 50-element pages retains, held as {@link Page} objects (the
 * design before, a map of pages) and as {@link CompactPage} entries (a {@link NearCache}
 * filled by its warm-up), plus the CPU time to encode and decode one page. Pages are
 * shaped as ingestion renders the bench's dataset (sample-content's
 * {@code DatasetGenerator}: hero, rich text, image, title card, quote, talent card,
 * gallery and video elements, every image hydrated with its CDN renditions) and parsed
 * from JSON as the read tables' reader does, so no string is shared between pages.
 *
 * <p>
 * Retained heap is the used heap after {@code System.gc()} with the cache filled, less
 * the same with it empty. It prints, and writes to {@code target/near-cache-memory.txt};
 * it asserts only that every page was held and decodes to itself. Timings are never
 * asserted.
 *
 * <p>
 * Run: {@code ./mvnw -B -pl page-construction -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=NearCacheMemoryMeasurement verify}; {@code -Dmarquee.measure.pages} (default
 * 2000, the 100k-element dataset), {@code -Dmarquee.measure.objects=false} to skip the
 * objects (a 1M-element dataset of objects needs ~2 GB of heap).
 */
class NearCacheMemoryMeasurement {

	private static final int ELEMENTS = 50;

	private static final int[] RENDITION_WIDTHS = { 320, 640, 1280, 1920 };

	private static final ElementType[] CYCLE = { ElementType.RICH_TEXT, ElementType.IMAGE, ElementType.TITLE_CARD,
			ElementType.QUOTE, ElementType.TALENT_CARD, ElementType.GALLERY, ElementType.VIDEO };

	private static final String[] GENRES = { "Drama", "Comedy", "Sci-Fi", "Thriller", "Documentary", "Animation",
			"Horror", "Romance" };

	private static final String[] RATINGS = { "TV-MA", "TV-14", "PG-13", "R", "TV-PG" };

	private static final int CATALOG = 1000;

	private static final int DECODE_ROUNDS = 7;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	@Test
	void measuresRetainedHeapPerPageAndDecodeTime() throws IOException {
		int pages = Integer.getInteger("marquee.measure.pages", 2000);
		boolean objects = Boolean.parseBoolean(System.getProperty("marquee.measure.objects", "true"));
		List<String> report = new ArrayList<>();
		Page sample = page(0);
		int json = MarqueeJson.mapper().writeValueAsBytes(sample).length;
		report.add(String.format(Locale.ROOT,
				"%d pages of %d elements, %d bytes of JSON per page (page 0), heap max %d MB", pages, ELEMENTS, json,
				this.memory.getHeapMemoryUsage().getMax() >> 20));

		if (objects) {
			long before = usedAfterGc();
			Map<String, Page> held = new ConcurrentHashMap<>();
			for (int i = 0; i < pages; i++) {
				Page page = page(i);
				held.put(page.slug(), page);
			}
			long retained = usedAfterGc() - before;
			assertThat(held).hasSize(pages);
			report.add(String.format(Locale.ROOT, "objects: %,d bytes retained, %,d per page", retained,
					retained / pages));
			held.clear();
		}

		long before = usedAfterGc();
		NearCache cache = new NearCache(new GeneratedStore(pages), Duration.ofSeconds(30), Duration.ofMillis(1), 256,
				Clock.systemUTC(), (page, at) -> {
				});
		cache.warmUp(1);
		long retained = usedAfterGc() - before;
		NearCache.Stats stats = cache.stats();
		assertThat(cache.size()).isEqualTo(pages);
		report.add(String.format(Locale.ROOT,
				"compact (level %d): %,d bytes retained, %,d per page; deflated %,d bytes per page of %,d JSON (%.1fx)",
				CompactPage.LEVEL, retained, retained / pages, stats.bytes() / pages, stats.jsonBytes() / pages,
				(double) stats.jsonBytes() / stats.bytes()));

		// Timed over at most 2,000 entries: more add minutes, not precision.
		List<CompactPage> entries = cache.entries().stream().limit(2000).toList();
		assertThat(entries.get(0).page()).isEqualTo(page(index(entries.get(0).slug())));
		report.add("decode (inflate + parse) per page: " + perPage(entries, CompactPage::page));
		report.add("parse only (JSON already inflated) per page: " + perPage(
				entries.stream().map((entry) -> MarqueeJson.mapper().writeValueAsBytes(entry.page())).toList(),
				(bytes) -> MarqueeJson.mapper().readValue(bytes, Page.class)));
		List<Page> decoded = entries.stream().limit(200).map(CompactPage::page).toList();
		report.add("encode (serialize + deflate) per page: " + perPage(decoded, CompactPage::of));
		List<byte[]> jsons = decoded.stream().map(MarqueeJson.mapper()::writeValueAsBytes).toList();
		for (int level : new int[] { Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_COMPRESSION }) {
			long deflated = jsons.stream().mapToLong((bytes) -> deflate(bytes, level)).sum();
			report.add(String.format(Locale.ROOT, "deflate level %d: %,d bytes per page; deflate only per page: %s",
					level, deflated / jsons.size(), perPage(jsons, (bytes) -> deflate(bytes, level))));
		}
		report.forEach(System.out::println);
		Files.write(Path.of("target", "near-cache-memory.txt"), report, StandardCharsets.UTF_8);
	}

	private <T> String perPage(List<T> inputs, java.util.function.Function<T, ?> work) {
		// The first rounds warm the JIT up and are not counted.
		for (int round = 0; round < 3; round++) {
			inputs.forEach(work::apply);
		}
		long[] nanos = new long[DECODE_ROUNDS];
		for (int round = 0; round < DECODE_ROUNDS; round++) {
			long start = System.nanoTime();
			inputs.forEach(work::apply);
			nanos[round] = (System.nanoTime() - start) / inputs.size();
		}
		Arrays.sort(nanos);
		return String.format(Locale.ROOT, "median %.3f ms (rounds of %d: min %.3f, max %.3f)",
				nanos[DECODE_ROUNDS / 2] / 1e6, inputs.size(), nanos[0] / 1e6, nanos[DECODE_ROUNDS - 1] / 1e6);
	}

	private static int deflate(byte[] json, int level) {
		Deflater deflater = new Deflater(level);
		try {
			deflater.setInput(json);
			deflater.finish();
			byte[] out = new byte[json.length + 64];
			int length = 0;
			while (!deflater.finished()) {
				length += deflater.deflate(out, length, out.length - length);
			}
			return length;
		}
		finally {
			deflater.end();
		}
	}

	private long usedAfterGc() {
		long used = Long.MAX_VALUE;
		// A few collections, so that what the previous step dropped is really gone.
		for (int i = 0; i < 4; i++) {
			System.gc();
			used = Math.min(used, this.memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	private static int index(String slug) {
		return Integer.parseInt(slug.substring(slug.lastIndexOf('-') + 1));
	}

	/**
	 * Page {@code i}, parsed from its JSON as the read tables' reader parses rows (fresh
	 * strings, as a page read from Cassandra has).
	 */
	static Page page(int i) {
		List<Element> elements = new ArrayList<>(ELEMENTS);
		for (int position = 0; position < ELEMENTS; position++) {
			elements.add(element(i, position));
		}
		String pageId = String.format(Locale.ROOT, "bench-50-%06d", i);
		Page page = new Page(pageId, pageId, Stage.PUBLISHED, "article", "Bench article " + i,
				"Synthetic article " + i + " for the Marquee benchmark", elements, 1_764_000_000_000_000L + i, 1,
				Instant.parse("2026-11-26T10:00:00.123456Z").plusMillis(i), "4bf92f3577b34da6a3ce929d0e0e" + i);
		return MarqueeJson.mapper().readValue(MarqueeJson.mapper().writeValueAsBytes(page), Page.class);
	}

	private static Element element(int page, int position) {
		int seed = page * 131 + position * 17;
		ElementType type = (position == 0) ? ElementType.HERO : CYCLE[(position - 1) % CYCLE.length];
		Map<String, String> text = new HashMap<>();
		List<Image> images = new ArrayList<>();
		List<TitleCard> titles = new ArrayList<>();
		List<TalentCard> talent = new ArrayList<>();
		switch (type) {
			case HERO -> {
				text.put("heading", "Bench article " + page);
				text.put("subheading", "Everything about " + title(seed).name());
				images.add(image(seed));
			}
			case RICH_TEXT -> text.put("html",
					"<p>Paragraph " + position + " of article " + page + ". " + title(seed).name() + " returns with "
							+ talent(seed).name() + " in a story about " + title(seed + 7).synopsis()
							+ "</p><p>Streaming now.</p>");
			case IMAGE -> {
				text.put("caption", "Still " + position + " from " + title(seed).name());
				images.add(image(seed));
			}
			case TITLE_CARD -> titles.add(title(seed));
			case QUOTE -> {
				text.put("quote", "Every season we try to surprise ourselves. (" + position + ")");
				text.put("attribution", talent(seed).name());
				talent.add(talent(seed));
			}
			case TALENT_CARD -> talent.add(talent(seed + 3));
			case GALLERY -> {
				text.put("heading", "Gallery " + position);
				IntStream.range(0, 3).forEach((k) -> images.add(image(seed + k)));
			}
			case VIDEO -> {
				text.put("videoUrl", "https://video.marquee.example/bench/" + page + "/" + position + ".m3u8");
				text.put("caption", "Official trailer");
				images.add(image(seed + 5));
				titles.add(title(seed));
			}
			default -> throw new IllegalStateException(type.name());
		}
		return new Element("e" + position, type, position, text, images, titles, talent);
	}

	private static TitleCard title(int seed) {
		int i = Math.floorMod(seed, CATALOG);
		return new TitleCard("bench-title-" + i, "Bench Title " + i,
				"A synthetic series number " + i + " about a town, a secret and a long winter.",
				RATINGS[i % RATINGS.length], List.of(GENRES[i % GENRES.length], GENRES[(i + 3) % GENRES.length]),
				image(i + 1));
	}

	private static TalentCard talent(int seed) {
		int i = Math.floorMod(seed, CATALOG);
		return new TalentCard("bench-talent-" + i, "Performer " + i, image(i));
	}

	// As ingestion's CdnImages renders an asset: one rendition per narrower configured
	// width, then the original.
	private static Image image(int seed) {
		int i = Math.floorMod(seed, 2 * CATALOG);
		int width = 1920 + (i % 4) * 640;
		int height = 1080 + (i % 4) * 360;
		String base = "https://cdn.marquee.local/images/bench/asset-" + i + ".jpg";
		List<Rendition> renditions = new ArrayList<>();
		for (int w : RENDITION_WIDTHS) {
			if (w < width) {
				int h = (int) Math.round((double) w * height / width);
				renditions.add(new Rendition(w, h, base + "?w=" + w + "&h=" + h + "&fx=0.50&fy=0.30"));
			}
		}
		renditions.add(new Rendition(width, height, base));
		return new Image("bench-asset-" + i, base, width, height, "image/jpeg", "Key art number " + i, 0.5, 0.3,
				renditions);
	}

	/** Generates each page when loaded, so only the cache holds pages. */
	private static final class GeneratedStore implements NearCache.Store {

		private final int pages;

		GeneratedStore(int pages) {
			this.pages = pages;
		}

		@Override
		public List<String> discover() {
			return IntStream.range(0, this.pages)
				.mapToObj((i) -> String.format(Locale.ROOT, "bench-50-%06d", i))
				.toList();
		}

		@Override
		public Optional<Page> load(String slug) {
			return Optional.of(page(index(slug)));
		}

	}

}
