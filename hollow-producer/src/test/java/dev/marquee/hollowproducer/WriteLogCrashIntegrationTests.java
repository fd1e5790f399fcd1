package dev.marquee.hollowproducer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.model.writelog.WriteLogBatch;
import dev.marquee.model.writelog.WriteLogEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A producer SIGKILLed right after it acknowledged writes and before any cycle folded
 * them (the cycle interval is an hour): the restarted producer replays its log, serves
 * every acknowledged entry once, and its next cycle folds them into a state at their
 * final versions.
 */
class WriteLogCrashIntegrationTests {

	private static final String[] HOUR_CYCLES = { "--marquee.hollow.cycle-interval=1h",
			"--marquee.hollow.cycle-max-pending=1000000" };

	@TempDir
	Path work;

	private final List<ProducerProcess> started = new ArrayList<>();

	@AfterEach
	void stopProducers() {
		this.started.forEach(ProducerProcess::kill);
	}

	@Test
	void everyAcknowledgedWriteSurvivesASigkillBeforeItsCycleAndIsFoldedOnceAtItsFinalVersion() throws Exception {
		ProducerProcess first = start("first.log", HOUR_CYCLES);
		Map<String, Long> finalVersions = new HashMap<>();
		Set<Long> acknowledged = new HashSet<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			HollowWriteClient writes = new HollowWriteClient(first.endpoint());
			List<CompletableFuture<HollowWriteResult>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				PageChanged change = Pages.upsert("crash-" + i, 1, "Crash " + i + " v1");
				results.add(CompletableFuture.supplyAsync(() -> writes.write(new HollowWriteRequest(List.of(change))),
						pool));
				finalVersions.put("crash-" + i, 1L);
			}
			for (CompletableFuture<HollowWriteResult> result : results) {
				assertThat(result.get().applied()).isEqualTo(1);
				acknowledged.add(result.get().offset());
			}
			for (int i = 0; i < 5; i++) {
				HollowWriteResult newer = writes
					.write(new HollowWriteRequest(List.of(Pages.upsert("crash-" + i, 2, "Crash " + i + " v2"))));
				assertThat(newer.applied()).isEqualTo(1);
				acknowledged.add(newer.offset());
				finalVersions.put("crash-" + i, 2L);
			}
			HollowWriteResult deleted = writes.write(new HollowWriteRequest(
					List.of(PageChanged.deleted("crash-9", Stage.PUBLISHED, "slug-crash-9", 3, Instant.now(), "t"))));
			acknowledged.add(deleted.offset());
			finalVersions.remove("crash-9");
			HollowWriteResult stale = writes
				.write(new HollowWriteRequest(List.of(Pages.upsert("crash-1", 1, "Older than what was acknowledged"))));
			assertThat(stale.ignored()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		long head = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(acknowledged).hasSize(16);
		assertThat(head).isEqualTo(16);
		WriteLogBatch beforeKill = first.readLog(0, 0).body();
		assertThat(beforeKill.stateVersion()).as("no cycle ran").isEqualTo(-1);
		assertThat(beforeKill.head()).isEqualTo(head);

		first.kill();

		ProducerProcess second = start("second.log", HOUR_CYCLES);
		assertThat(second.log()).contains("Replayed 16 write-log entries");
		WriteLogBatch replayed = second.readLog(0, 0).body();
		assertThat(replayed.logId()).isEqualTo(beforeKill.logId());
		assertThat(replayed.head()).isEqualTo(head);
		assertThat(replayed.stateVersion()).isEqualTo(-1);
		assertThat(replayed.entries()).isEqualTo(beforeKill.entries());
		assertThat(replayed.entries()).extracting(WriteLogEntry::offset)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
		assertThat(replayed.entries())
			.extracting((entry) -> entry.change().pageId() + "@" + entry.change().contentVersion())
			.doesNotHaveDuplicates();
		HollowWriteClient writes = new HollowWriteClient(second.endpoint());
		assertThat(writes.write(new HollowWriteRequest(List.of(Pages.upsert("crash-0", 2, "Same as acknowledged"))))
			.ignored()).as("last-write-wins knows the replayed entries").isEqualTo(1);
		HollowWriteResult afterRestart = writes
			.write(new HollowWriteRequest(List.of(Pages.upsert("crash-after", 1, "After the restart"))));
		assertThat(afterRestart.offset()).as("offsets continue").isEqualTo(head + 1);
		finalVersions.put("crash-after", 1L);

		second.kill();

		ProducerProcess third = start("third.log", "--marquee.hollow.cycle-interval=100ms");
		await().atMost(Duration.ofSeconds(30)).until(() -> third.readLog(head + 1, 0).body().stateOffset() == head + 1);
		HollowConsumer consumer = HollowConsumer
			.withBlobRetriever(
					new HttpBlobRetriever(third.endpoint(), Files.createDirectories(this.work.resolve("dl"))))
			.build();
		consumer.triggerRefreshTo(third.readLog(head + 1, 0).body().stateVersion());
		assertThat(ProducerProcess.stateOffset(consumer)).isEqualTo(head + 1);
		HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(consumer.getStateEngine(), HollowPage.TYPE,
				"pageId.value", "stage.value");
		for (Map.Entry<String, Long> expected : finalVersions.entrySet()) {
			int ordinal = index.getMatchingOrdinal(expected.getKey(), Stage.PUBLISHED.name());
			assertThat(ordinal).as(expected.getKey()).isNotNegative();
			Page page = HollowPages.fromHollow(consumer.getStateEngine(), ordinal);
			assertThat(page.contentVersion()).as(expected.getKey()).isEqualTo(expected.getValue());
		}
		assertThat(index.getMatchingOrdinal("crash-9", Stage.PUBLISHED.name())).as("deleted").isNegative();
		assertThat(consumer.getStateEngine().getTypeState(HollowPage.TYPE).getPopulatedOrdinals().cardinality())
			.isEqualTo(finalVersions.size());
		third.stop();
	}

	private ProducerProcess start(String log, String... args) {
		ProducerProcess producer = new ProducerProcess(this.work.resolve("blobs"), this.work.resolve(log),
				ProducerProcess.freePort(), args)
			.start();
		this.started.add(producer);
		return producer;
	}

}
