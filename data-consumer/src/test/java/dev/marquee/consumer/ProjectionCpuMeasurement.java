package dev.marquee.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.marquee.consumer.projection.AppliedWatermarks;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.Topics;
import dev.marquee.testsupport.CpuTimes;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A measurement, not part of the suite (its name matches no test pattern): CPU per page
 * stage of the projection for 50-element pages, on the real Kafka broker and Cassandra
 * node of the test infrastructure. It prints, and writes to
 * {@code target/projection-cpu.txt}, the CPU of the listener threads
 * ({@code page-changes-*}), of the Cassandra driver's threads ({@code s0-*}) and of the
 * Cassandra process (from {@code /proc/<pid>/stat}) per record, per round; it asserts
 * only that every record was applied. Timings are never asserted.
 *
 * <p>
 * Run: {@code ./mvnw -B -pl data-consumer -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=ProjectionCpuMeasurement verify}; {@code -Dmarquee.measure.pages} (default 100)
 * pages per round, {@code -Dmarquee.measure.rounds} (default 7) rounds per kind (edits
 * and unchanged re-renders alternate, new pages last), {@code -Dmarquee.measure.warmup}
 * (default 12) unmeasured rounds before. Every round writes each page as PUBLISHED and
 * PREVIEW (two page stages, as a publish does).
 */
class ProjectionCpuMeasurement extends IntegrationTestSupport {

	private static final int ELEMENTS = 50;

	/**
	 * About 1.2 KB of JSON per element, so a page is about the 60 KB page of the issue's
	 * measurements.
	 */
	private static final String FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(18);

	@Autowired
	AppliedWatermarks watermarks;

	@Test
	void measuresCpuPerPageStage() throws IOException {
		int pages = Integer.getInteger("marquee.measure.pages", 100);
		int rounds = Integer.getInteger("marquee.measure.rounds", 7);
		String prefix = "cpu-" + System.nanoTime() + "-";
		long cassandraPid = cassandraPid();
		List<String> report = new ArrayList<>();
		report.add("pages per round " + pages + ", elements per page " + ELEMENTS + ", records per round " + (pages * 2)
				+ ", Cassandra pid " + cassandraPid);
		long version = TestChanges.BASE_VERSION;
		// Warm-up: the JIT (Cassandra's too, whose compiler threads count in its process
		// CPU) and the first writes
		// are not what a running consumer costs. The measured pages
		// are written first here too, so the edit rounds start from existing pages.
		int edit = 0;
		int warmup = Integer.getInteger("marquee.measure.warmup", 12);
		for (int round = 0; round < warmup; round++) {
			version += 1_000_000;
			apply(changes("warm-" + prefix, pages, version, edit++));
		}
		version += 1_000_000;
		apply(changes(prefix, pages, version, edit));
		Map<Kind, List<Sample>> samples = new java.util.EnumMap<>(Kind.class);
		// Edits and unchanged re-renders alternate, so that background work (compaction,
		// flushes) and the
		// machine's other load fall on both alike; first writes of new pages come last,
		// as they leave the most
		// compaction behind.
		for (int round = 0; round < 2 * rounds; round++) {
			Kind kind = (round % 2 == 0) ? Kind.ONE_ELEMENT_EDITED : Kind.UNCHANGED_ELEMENTS;
			version += 1_000_000;
			if (kind == Kind.ONE_ELEMENT_EDITED) {
				edit++;
			}
			sample(samples, report, kind, changes(prefix, pages, version, edit), cassandraPid);
		}
		for (int round = 0; round < rounds; round++) {
			version += 1_000_000;
			sample(samples, report, Kind.FIRST_WRITE, changes(prefix + "new-" + round + "-", pages, version, 0),
					cassandraPid);
		}
		for (Map.Entry<Kind, List<Sample>> entry : samples.entrySet()) {
			report.add("MEDIAN " + entry.getKey() + ": " + Sample.median(entry.getValue()));
		}
		report.forEach(System.out::println);
		Files.write(Path.of("target", "projection-cpu.txt"), report, StandardCharsets.UTF_8);
		assertThat(samples.values()).allSatisfy((ofKind) -> assertThat(ofKind).hasSize(rounds));
	}

	private void sample(Map<Kind, List<Sample>> samples, List<String> report, Kind kind, List<PageChanged> changes,
			long cassandraPid) {
		Sample sample = measure(changes, cassandraPid);
		List<Sample> ofKind = samples.computeIfAbsent(kind, (k) -> new ArrayList<>());
		ofKind.add(sample);
		report.add(kind + " round " + ofKind.size() + ": " + sample);
	}

	private Sample measure(List<PageChanged> changes, long cassandraPid) {
		Map<String, Long> threadsBefore = CpuTimes.javaThreads();
		long cassandraBefore = processCpuNanos(cassandraPid);
		long start = System.nanoTime();
		apply(changes);
		long wall = System.nanoTime() - start;
		long cassandra = processCpuNanos(cassandraPid) - cassandraBefore;
		Map<String, Long> threadsAfter = CpuTimes.javaThreads();
		long listener = 0;
		long driver = 0;
		for (Map.Entry<String, Long> entry : threadsAfter.entrySet()) {
			long delta = entry.getValue() - threadsBefore.getOrDefault(entry.getKey(), 0L);
			if (entry.getKey().startsWith("page-changes-")) {
				listener += delta;
			}
			else if (entry.getKey().startsWith("s0-")) {
				driver += delta;
			}
		}
		return new Sample(changes.size(), listener, driver, cassandra, wall);
	}

	private void apply(List<PageChanged> changes) {
		List<RecordMetadata> written = publishAll(Topics.PAGE_CHANGES, changes);
		Map<Integer, Long> highest = new HashMap<>();
		written.forEach((metadata) -> highest.merge(metadata.partition(), metadata.offset(), Math::max));
		// The poll goes through the consumer's own session and node, so it is cheap
		// (prepared) and infrequent.
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Map<Integer, Long> watermarks = this.watermarks.of(Topics.PAGE_CHANGES);
			return highest.entrySet()
				.stream()
				.allMatch((entry) -> watermarks.getOrDefault(entry.getKey(), -1L) >= entry.getValue());
		});
	}

	/**
	 * Every page as PUBLISHED and PREVIEW at {@code version}; only element 1 depends on
	 * {@code edit}, so a round with a new edit number changes one element, a round with
	 * the same one changes none.
	 */
	private static List<PageChanged> changes(String prefix, int pages, long version, int edit) {
		List<PageChanged> changes = new ArrayList<>();
		for (int p = 0; p < pages; p++) {
			String pageId = prefix + "page-" + p;
			List<Element> elements = new ArrayList<>();
			for (int i = 0; i < ELEMENTS; i++) {
				String html = "<p>" + pageId + " #" + i + ((i == 1) ? " edit " + edit : "") + " " + FILLER + "</p>";
				elements.add(new Element(pageId + "-e" + i, (i == 0) ? ElementType.HERO : ElementType.RICH_TEXT, i,
						Map.of("html", html), List.of(), List.of(), List.of()));
			}
			for (Stage stage : Stage.values()) {
				Page page = new Page(pageId, prefix + "slug-" + p, stage, "article", "Title of " + pageId,
						"Summary of " + pageId, elements, version + p, version / 1000, Instant.now(), "trace-" + p);
				changes.add(PageChanged.upserted(page, null));
			}
		}
		return changes;
	}

	/**
	 * The Cassandra node this test JVM started: the one whose cassandra.yaml has the
	 * contact point's port.
	 */
	private static long cassandraPid() throws IOException {
		String contactPoint = RealInfrastructure.cassandraContactPoint();
		String port = contactPoint.substring(contactPoint.lastIndexOf(':') + 1);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
				String cmdline;
				try {
					cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					continue;
				}
				for (String argument : cmdline.split("\0")) {
					if (argument.startsWith("-Dcassandra.config=file:")) {
						Path yaml = Path.of(java.net.URI.create(argument.substring("-Dcassandra.config=".length())));
						if (Files.readString(yaml).contains("native_transport_port: " + port + "\n")) {
							return Long.parseLong(process.getFileName().toString());
						}
					}
				}
			}
		}
		throw new IllegalStateException("no Cassandra process on native port " + port);
	}

	private static long processCpuNanos(long pid) {
		try {
			return CpuTimes.ofProcess(pid);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private enum Kind {

		/** The first version of every page: every row is new. */
		FIRST_WRITE,

		/**
		 * A new version of every page with one element's body changed (the usual
		 * editorial edit).
		 */
		ONE_ELEMENT_EDITED,

		/**
		 * A new version with identical elements (a re-render that changed nothing the
		 * elements show).
		 */
		UNCHANGED_ELEMENTS

	}

	private record Sample(int records, long listenerNanos, long driverNanos, long cassandraNanos, long wallNanos) {

		double perRecordMillis(long nanos) {
			return nanos / 1e6 / this.records;
		}

		double totalPerRecordMillis() {
			return perRecordMillis(this.listenerNanos + this.driverNanos + this.cassandraNanos);
		}

		@Override
		public String toString() {
			return String.format(
					"per page stage: total %.2f ms CPU (listener %.2f, driver %.2f, Cassandra %.2f), wall %.2f ms",
					totalPerRecordMillis(), perRecordMillis(this.listenerNanos), perRecordMillis(this.driverNanos),
					perRecordMillis(this.cassandraNanos), perRecordMillis(this.wallNanos));
		}

		static String median(List<Sample> samples) {
			return String.format(
					"per page stage: total %.2f ms CPU (listener %.2f, driver %.2f, Cassandra %.2f), "
							+ "wall %.2f ms; %d rounds",
					median(samples, Sample::totalPerRecordMillis),
					median(samples, (s) -> s.perRecordMillis(s.listenerNanos)),
					median(samples, (s) -> s.perRecordMillis(s.driverNanos)),
					median(samples, (s) -> s.perRecordMillis(s.cassandraNanos)),
					median(samples, (s) -> s.perRecordMillis(s.wallNanos)), samples.size());
		}

		private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
			double[] values = samples.stream().mapToDouble(value).sorted().toArray();
			int middle = values.length / 2;
			return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
		}

	}

}
