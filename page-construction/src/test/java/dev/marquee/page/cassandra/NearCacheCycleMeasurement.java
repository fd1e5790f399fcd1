package dev.marquee.page.cassandra;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.IntegrationTestSupport;
import dev.marquee.page.TestPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of the suite (its name matches no test pattern): what one key
 * of the near cache's refresh cycle costs on the real Cassandra node of the test
 * infrastructure, and so how long a cycle over 20,000 pages (1M elements) really takes. A
 * {@link NearCache} over the real {@link ReadTables} runs cycles unpaced (interval 1 ms,
 * no minimum pause), so a cycle lasts as long as its K refreshes; an unchanged key costs
 * its page-row read, a changed 50-element page its page row, element rows, parse and
 * deflate. The cycle over N keys at interval I then takes about max(I, N × unchanged +
 * changed keys × changed cost): the gauge {@code marquee.nearcache.cycle.duration} shows
 * the real figure. It prints, and writes to {@code target/near-cache-cycle.txt}; it
 * asserts only that every key was refreshed. Timings are never asserted.
 *
 * <p>
 * Run: {@code ./mvnw -B -pl page-construction -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=NearCacheCycleMeasurement verify}; {@code -Dmarquee.measure.keys} (default 1000)
 * unchanged keys, {@code -Dmarquee.measure.changed} (default 100) changed 50-element
 * pages.
 */
// The application's own near cache idles, so it does not compete with the one measured.
@TestPropertySource(properties = "marquee.near-cache.refresh-interval=1h")
class NearCacheCycleMeasurement extends IntegrationTestSupport {

	private static final int ROUNDS = 5;

	private static final int TARGET_PAGES = 20_000;

	private static final Duration INTERVAL = Duration.ofSeconds(30);

	@Autowired
	ReadTables tables;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@Test
	void measuresTheCostOfOneKeyOfTheRefreshCycle() throws IOException {
		awaitSchema();
		int keys = Integer.getInteger("marquee.measure.keys", 1000);
		int changed = Integer.getInteger("marquee.measure.changed", 100);
		String prefix = "cycle-" + System.nanoTime() + "-";
		List<String> report = new ArrayList<>();

		List<String> slugs = new ArrayList<>();
		for (int i = 0; i < keys; i++) {
			String slug = prefix + i;
			writeCassandra(TestPages.page("id-" + slug, slug, Stage.PUBLISHED, nextVersion(), "cycle"));
			slugs.add(slug);
		}
		NearCache unchanged = new NearCache(new TablesStore(slugs), Duration.ofMillis(1), Duration.ZERO, 0,
				Clock.systemUTC(), (page, at) -> {
				});
		unchanged.warmUp(1);
		List<Sample> cycles = cycles(unchanged);
		Sample perUnchanged = Sample.median(cycles).per(keys);
		report.add(String.format(Locale.ROOT, "unchanged key (page-row read), %d keys, median of %d cycles: %s", keys,
				ROUNDS, perUnchanged));

		List<String> large = new ArrayList<>();
		for (int i = 0; i < changed; i++) {
			String slug = prefix + "large-" + i;
			writeLarge(NearCacheMemoryMeasurement.page(i), slug, nextVersion());
			large.add(slug);
		}
		NearCache edited = new NearCache(new TablesStore(large), Duration.ofMillis(1), Duration.ZERO, 0,
				Clock.systemUTC(), (page, at) -> {
				});
		long warmStart = System.nanoTime();
		long warmCpu = this.threads.getCurrentThreadCpuTime();
		edited.warmUp(1);
		Sample perLoad = new Sample(System.nanoTime() - warmStart, this.threads.getCurrentThreadCpuTime() - warmCpu)
			.per(changed);
		assertThat(edited.size()).isEqualTo(changed);
		report.add(String.format(Locale.ROOT,
				"load of a 50-element page (page row, element rows, parse, deflate), %d pages: %s", changed, perLoad));
		List<Sample> changedCycles = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (int i = 0; i < changed; i++) {
				writeLarge(NearCacheMemoryMeasurement.page(i), large.get(i), nextVersion());
			}
			changedCycles.add(cycles(edited, 1).get(0));
		}
		Sample perChanged = Sample.median(changedCycles).per(changed);
		report.add(String.format(Locale.ROOT,
				"changed key (page-row read, then the load), %d keys, median of %d cycles: %s", changed, ROUNDS,
				perChanged));

		double unchangedCycle = TARGET_PAGES * perUnchanged.wallMs() / 1000;
		report.add(String.format(Locale.ROOT,
				"%d pages, nothing changed: %.1f s of refreshes per cycle -> a cycle takes %.1f s at interval %s "
						+ "(the refresher thread busy %.0f%%)",
				TARGET_PAGES, unchangedCycle, Math.max(unchangedCycle, INTERVAL.toSeconds()), INTERVAL,
				100 * Math.min(1, unchangedCycle / INTERVAL.toSeconds())));
		// Worst case: every edit changes a different key before its turn comes (up to all
		// of them).
		for (int rate : new int[] { 10, 100 }) {
			double cycle = Math.max(INTERVAL.toSeconds(), unchangedCycle);
			// The fixed point: a longer cycle lets more edits land before their key's
			// turn.
			for (int i = 0; i < 1000; i++) {
				double changedKeys = Math.min(TARGET_PAGES, rate * cycle);
				cycle = Math.max(INTERVAL.toSeconds(),
						unchangedCycle + changedKeys * (perChanged.wallMs() - perUnchanged.wallMs()) / 1000);
			}
			report.add(String.format(Locale.ROOT, "%d pages, %d edits/s on distinct pages: a cycle takes about %.1f s",
					TARGET_PAGES, rate, cycle));
		}
		report.add(String.format(Locale.ROOT, "%d pages: warm-up (one load each, one thread) about %.0f s",
				TARGET_PAGES, TARGET_PAGES * perLoad.wallMs() / 1000));
		report.forEach(System.out::println);
		Files.write(Path.of("target", "near-cache-cycle.txt"), report, StandardCharsets.UTF_8);
	}

	private List<Sample> cycles(NearCache cache) {
		return cycles(cache, ROUNDS);
	}

	/**
	 * Runs full cycles on this thread (as the refresher thread would) and answers each
	 * one's wall and CPU time.
	 */
	private List<Sample> cycles(NearCache cache, int count) {
		long refreshes = cache.stats().refreshes();
		int keys = cache.size();
		List<Sample> samples = new ArrayList<>();
		// Unpaced, the tick that starts a cycle refreshes all of its keys.
		for (int cycle = 0; cycle < count; cycle++) {
			long cycles = cache.stats().cycles();
			long start = System.nanoTime();
			long cpu = this.threads.getCurrentThreadCpuTime();
			while (cache.stats().cycles() == cycles) {
				cache.tick();
			}
			samples.add(new Sample(System.nanoTime() - start, this.threads.getCurrentThreadCpuTime() - cpu));
		}
		assertThat(cache.stats().refreshes() - refreshes).isGreaterThanOrEqualTo((long) keys * count);
		assertThat(cache.stats().failures()).isZero();
		return samples;
	}

	/**
	 * Writes a page as the data consumer does, one element statement at a time (a 60 KB
	 * page is more than one batch should carry).
	 */
	private void writeLarge(Page template, String slug, long version) {
		Page page = new Page("id-" + slug, slug, Stage.PUBLISHED, template.template(), template.title(),
				template.summary(), template.elements(), version, 1, template.ingestedAt(), template.traceId());
		List<CompletableFuture<?>> writes = new ArrayList<>();
		for (Element element : page.elements()) {
			writes.add(this.session.executeAsync(SimpleStatement.newInstance(
					"INSERT INTO marquee_read.elements_by_page (page_id, stage, position, element_id, type, body) "
							+ "VALUES (?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
					page.pageId(), "PUBLISHED", element.position(), element.elementId(), element.type().name(),
					MarqueeJson.mapper().writeValueAsString(element), version))
				.toCompletableFuture());
		}
		CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
		this.session.execute(SimpleStatement.newInstance(
				"INSERT INTO marquee_read.page_by_slug (slug, stage, page_id, template, title, summary, element_count, "
						+ "content_version, source_version, ingested_at, trace_id) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?",
				slug, "PUBLISHED", page.pageId(), page.template(), page.title(), page.summary(), page.elements().size(),
				version, page.sourceVersion(), page.ingestedAt(), page.traceId(), version));
	}

	/** The production store's reads ({@code CassandraPageSource}), over given keys. */
	private final class TablesStore implements NearCache.Store {

		private final List<String> slugs;

		TablesStore(List<String> slugs) {
			this.slugs = slugs;
		}

		@Override
		public List<String> discover() {
			return this.slugs;
		}

		@Override
		public Optional<Page> load(String slug) {
			return NearCacheCycleMeasurement.this.tables.page(slug, Stage.PUBLISHED);
		}

		@Override
		public boolean unchanged(String slug, String pageId, long contentVersion) {
			return NearCacheCycleMeasurement.this.tables.unchanged(slug, Stage.PUBLISHED, pageId, contentVersion);
		}

	}

	private record Sample(long wallNanos, long cpuNanos) {

		static Sample median(List<Sample> samples) {
			List<Sample> sorted = samples.stream().sorted(Comparator.comparingLong(Sample::wallNanos)).toList();
			return sorted.get(sorted.size() / 2);
		}

		Sample per(int count) {
			return new Sample(this.wallNanos / count, this.cpuNanos / count);
		}

		double wallMs() {
			return this.wallNanos / 1e6;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.3f ms wall, %.3f ms CPU of the refresher thread per key",
					this.wallNanos / 1e6, this.cpuNanos / 1e6);
		}

	}

}
