package dev.marquee.hollowproducer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.hollow.remote.HttpAnnouncementWatcher;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loads 100,000 elements (2,000 pages of 50) through the producer in a child JVM and measures, without
 * asserting numbers: cycle times, one-page change propagation to a consumer, and the consumer's in-memory size
 * against the raw JSON of the same pages. The numbers go into the README.
 */
class HollowFootprintIntegrationTests {

	private static final int PAGES = 2_000;

	private static final int ELEMENTS_PER_PAGE = 50;

	private static final int PAGES_PER_WRITE = 50;

	@TempDir
	Path work;

	@Test
	void measuresCycleTimesPropagationAndInMemorySizeFor100kElements() throws Exception {
		ProducerProcess producer = new ProducerProcess(this.work.resolve("blobs"), this.work.resolve("producer.log"),
				ProducerProcess.freePort())
			.start();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			HollowWriteClient writes = new HollowWriteClient(producer.endpoint());
			List<Page> pages = new ArrayList<>(PAGES);
			long rawJsonBytes = 0;
			for (int i = 0; i < PAGES; i++) {
				Page page = Pages.fanPage(i, ELEMENTS_PER_PAGE, 1);
				pages.add(page);
				rawJsonBytes += MarqueeJson.mapper().writeValueAsBytes(page).length;
			}

			long loadStarted = System.nanoTime();
			List<CompletableFuture<HollowWriteResult>> loads = new ArrayList<>();
			for (int from = 0; from < PAGES; from += PAGES_PER_WRITE) {
				List<PageChanged> changes = pages.subList(from, from + PAGES_PER_WRITE)
					.stream()
					.map((page) -> PageChanged.upserted(page, null))
					.toList();
				loads.add(CompletableFuture.supplyAsync(() -> writes.write(new HollowWriteRequest(changes)), pool));
			}
			Set<Long> loadOffsets = new HashSet<>();
			for (CompletableFuture<HollowWriteResult> load : loads) {
				assertThat(load.get().applied()).isEqualTo(PAGES_PER_WRITE);
				loadOffsets.add(load.get().offset());
			}
			long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
			long loaded = loadOffsets.stream().mapToLong(Long::longValue).max().orElseThrow();
			assertThat(loaded).isEqualTo(PAGES);

			Path downloads = Files.createDirectories(this.work.resolve("downloads"));
			HttpAnnouncementWatcher watcher = new HttpAnnouncementWatcher(producer.endpoint());
			HollowConsumer consumer = HollowConsumer
				.withBlobRetriever(new HttpBlobRetriever(producer.endpoint(), downloads))
				.withAnnouncementWatcher(watcher)
				.build();
			// the cycles fold the load in the background: wait for a state that contains all of it
			await().atMost(Duration.ofMinutes(5))
				.until(() -> producer.readLog(loaded, 0).body().stateOffset() >= loaded);
			long consumerStarted = System.nanoTime();
			consumer.triggerRefresh();
			long consumerLoadMillis = (System.nanoTime() - consumerStarted) / 1_000_000;
			assertThat(ProducerProcess.stateOffset(consumer)).isEqualTo(loaded);
			long inMemory = consumer.getStateEngine().calcApproxDataSize();

			HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(consumer.getStateEngine(), HollowPage.TYPE,
					"pageId.value", "stage.value");
			assertThat(HollowPages.fromHollow(consumer.getStateEngine(), index.getMatchingOrdinal("page-7", "PUBLISHED")))
				.isEqualTo(pages.get(7));

			int changes = 20;
			long[] ackMillis = new long[changes];
			long[] visibleMillis = new long[changes];
			for (int i = 0; i < changes; i++) {
				Page changed = Pages.fanPage(i * 97 % PAGES, ELEMENTS_PER_PAGE, 2 + i);
				long started = System.nanoTime();
				long offset = writes.write(new HollowWriteRequest(List.of(PageChanged.upserted(changed, null))))
					.offset();
				long acknowledged = System.nanoTime();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(1))
					.until(() -> ProducerProcess.stateOffset(consumer) >= offset);
				ackMillis[i] = (acknowledged - started) / 1_000_000;
				visibleMillis[i] = (System.nanoTime() - started) / 1_000_000;
			}
			watcher.close();

			long snapshotBytes;
			try (Stream<Path> files = Files.list(this.work.resolve("blobs"))) {
				snapshotBytes = files.filter((file) -> file.getFileName().toString().startsWith("snapshot-"))
					.mapToLong((file) -> file.toFile().length())
					.max()
					.orElse(0);
			}
			System.out.printf("FOOTPRINT %d pages x %d elements = %d elements%n", PAGES, ELEMENTS_PER_PAGE,
					PAGES * ELEMENTS_PER_PAGE);
			System.out.printf("FOOTPRINT load: %d writes of %d pages acknowledged in %d ms (log offsets up to %d)%n",
					loads.size(), PAGES_PER_WRITE, loadMillis, loaded);
			System.out.printf("FOOTPRINT raw JSON %.2f MiB, consumer calcApproxDataSize %.2f MiB, ratio %.3f, "
					+ "largest snapshot blob %.2f MiB%n", rawJsonBytes / 1048576.0, inMemory / 1048576.0,
					(double) inMemory / rawJsonBytes, snapshotBytes / 1048576.0);
			System.out.printf("FOOTPRINT consumer initial load over HTTP: %d ms%n", consumerLoadMillis);
			System.out.printf("FOOTPRINT one-page change, write -> ack (log append incl. fsync) ms: %s%n",
					Arrays.toString(ackMillis));
			System.out.printf("FOOTPRINT one-page change, write -> folded into a state the consumer installed ms: %s%n",
					Arrays.toString(visibleMillis));
			System.out.printf("FOOTPRINT server-side cycle timer: %s%n", cycleQuantiles(producer));
		}
		finally {
			pool.shutdownNow();
			producer.stop();
		}
	}

	private static String cycleQuantiles(ProducerProcess producer) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(producer.uri().resolve("/actuator/prometheus"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("admin:marquee-admin-local".getBytes(StandardCharsets.UTF_8)))
			.build();
		String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		return body.lines()
			.filter((line) -> line.startsWith("marquee_hollow_cycle_seconds"))
			.filter((line) -> line.contains("outcome=\"success\""))
			.toList()
			.toString();
	}

}
