package dev.marquee.hollowproducer.write;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of the suite (its name matches no test pattern): CPU per
 * {@code POST /v1/writes} body on the request thread, for a publish of one 50-element
 * page (a PUBLISHED and a PREVIEW change, about 120 KB), by the data-binding path the
 * producer used before (bind the body to {@code HollowWriteRequest} and its pages, then
 * serialise each change again for the log) and by {@link ChangeEnvelopes}. It also prints
 * what the new path moves to the cycle thread: decoding one winner's page. It prints, and
 * writes to {@code target/write-request-cpu.txt}, the thread CPU per request of each
 * round and the medians; it asserts only that both paths read the same changes.
 *
 * <p>
 * Run: {@code ./mvnw -B -pl hollow-producer -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=WriteRequestCpuMeasurement verify}; {@code -Dmarquee.measure.requests} (default
 * 500) requests per round, {@code -Dmarquee.measure.rounds} (default 7) rounds per path
 * (alternating), {@code -Dmarquee.measure.warmup} (default 3000) unmeasured requests per
 * path before.
 */
class WriteRequestCpuMeasurement {

	private static final int ELEMENTS = 50;

	private static final String FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(14);

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@Test
	void measuresCpuPerWriteRequest() throws Exception {
		int requests = Integer.getInteger("marquee.measure.requests", 500);
		int rounds = Integer.getInteger("marquee.measure.rounds", 7);
		int warmup = Integer.getInteger("marquee.measure.warmup", 3000);
		byte[] body = MarqueeJson.mapper().writeValueAsBytes(publish("page-1", 1_765_000_000_000_000L));
		List<String> report = new ArrayList<>();
		report.add("request body " + body.length + " bytes, 2 changes of " + ELEMENTS + " elements; " + requests
				+ " requests per round, " + rounds + " rounds per path, " + warmup + " warm-up requests per path");

		List<PageChanged> bound = MarqueeJson.mapper().readValue(body, HollowWriteRequest.class).changes();
		List<ChangeEnvelope> read = ChangeEnvelopes.readRequest(body);
		assertThat(read).extracting(ChangeEnvelope::decode).containsExactlyElementsOf(bound);
		byte[] winner = read.get(0).json();

		ToIntFunction<byte[]> dataBinding = WriteRequestCpuMeasurement::dataBinding;
		ToIntFunction<byte[]> envelopes = (bytes) -> ChangeEnvelopes.readRequest(bytes).size();
		ToIntFunction<byte[]> decodeWinner = (bytes) -> MarqueeJson.readPageChanged(bytes).page().elements().size();
		run(dataBinding, body, warmup);
		run(envelopes, body, warmup);
		run(decodeWinner, winner, warmup);
		List<Double> oldPath = new ArrayList<>();
		List<Double> newPath = new ArrayList<>();
		List<Double> decode = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			oldPath.add(run(dataBinding, body, requests));
			newPath.add(run(envelopes, body, requests));
			decode.add(run(decodeWinner, winner, requests));
			report.add(String.format(
					"round %d: data-binding %.1f us, envelopes %.1f us per request; "
							+ "decoding one winner on the cycle %.1f us",
					round, oldPath.get(round), newPath.get(round), decode.get(round)));
		}
		report.add(String.format("MEDIAN data-binding (old): %.1f us CPU per request", median(oldPath)));
		report.add(String.format("MEDIAN envelopes (new): %.1f us CPU per request", median(newPath)));
		report.add(String.format(
				"MEDIAN decoding one winner (new, cycle thread, once per page stage per cycle): " + "%.1f us CPU",
				median(decode)));
		report.forEach(System.out::println);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "write-request-cpu.txt"), report, StandardCharsets.UTF_8);
	}

	/**
	 * What the producer did per request before: bind, validate, serialise each change.
	 */
	private static int dataBinding(byte[] body) {
		HollowWriteRequest request = MarqueeJson.mapper().readValue(body, HollowWriteRequest.class);
		int bytes = 0;
		for (PageChanged change : request.changes()) {
			Page page = change.page();
			if (page != null && (!page.pageId().equals(change.pageId()) || page.stage() != change.stage()
					|| page.contentVersion() != change.contentVersion())) {
				throw new IllegalStateException("mismatch");
			}
			bytes += MarqueeJson.mapper().writeValueAsBytes(change).length;
		}
		return bytes;
	}

	/** Thread CPU per call in microseconds. */
	private double run(ToIntFunction<byte[]> path, byte[] body, int times) {
		long sink = 0;
		long started = this.threads.getCurrentThreadCpuTime();
		for (int i = 0; i < times; i++) {
			sink += path.applyAsInt(body);
		}
		long used = this.threads.getCurrentThreadCpuTime() - started;
		assertThat(sink).isPositive();
		return used / 1_000.0 / times;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	/** A publish as ingestion writes it: the page as PUBLISHED and as PREVIEW. */
	static HollowWriteRequest publish(String pageId, long version) {
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < ELEMENTS; i++) {
			elements.add(element(pageId, i));
		}
		Instant ingested = Instant.now();
		List<PageChanged> changes = new ArrayList<>();
		for (Stage stage : List.of(Stage.PUBLISHED, Stage.PREVIEW)) {
			Page page = new Page(pageId, "slug-" + pageId, stage, "article", "Title of " + pageId,
					"Summary of " + pageId, elements, version, version / 1000, ingested, "trace-" + pageId);
			changes.add(PageChanged.upserted(page, null));
		}
		return new HollowWriteRequest(changes);
	}

	private static Element element(String pageId, int i) {
		String id = pageId + "-e" + i;
		return switch (i % 5) {
			case 0 -> new Element(id, (i == 0) ? ElementType.HERO : ElementType.IMAGE, i,
					Map.of("heading", "Heading " + i, "caption", "Caption of " + id), List.of(image(i)), List.of(),
					List.of());
			case 1 -> new Element(id, ElementType.TITLE_ROW, i, Map.of("heading", "Row " + i), List.of(),
					List.of(title(i, 0), title(i, 1), title(i, 2), title(i, 3)), List.of());
			case 2 -> new Element(id, ElementType.TALENT_CARD, i, Map.of("bio", FILLER.substring(0, 300)), List.of(),
					List.of(), List.of(new TalentCard("talent-" + i, "Ava Stone " + i, image(1000 + i))));
			default -> new Element(id, ElementType.RICH_TEXT, i, Map.of("html", "<p>" + id + " " + FILLER + "</p>"),
					List.of(), List.of(), List.of());
		};
	}

	private static TitleCard title(int element, int n) {
		return new TitleCard("title-" + element + "-" + n, "The Silent Harbor " + n, FILLER.substring(0, 200), "TV-14",
				List.of("Drama", "Thriller"), image(element * 10 + n));
	}

	private static Image image(int n) {
		String url = "https://cdn.marquee.test/assets/asset-" + n + ".jpg";
		return new Image("asset-" + n, url, 1920, 1080, "image/jpeg", "Image " + n, 0.5, 0.5,
				List.of(new Rendition(480, 270, url + "?w=480"), new Rendition(960, 540, url + "?w=960"),
						new Rendition(1920, 1080, url + "?w=1920")));
	}

}
