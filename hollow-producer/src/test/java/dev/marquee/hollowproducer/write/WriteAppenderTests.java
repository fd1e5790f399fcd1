package dev.marquee.hollowproducer.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.hollowproducer.Pages;
import dev.marquee.hollowproducer.log.DurableWriteLog;
import dev.marquee.hollowproducer.log.LogRecord;
import dev.marquee.hollowproducer.log.StateMark;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The appender on a real write log: offsets, group commit, the answer after the force and
 * last-write-wins at append time.
 */
class WriteAppenderTests {

	@TempDir
	Path dir;

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.open.size() - 1; i >= 0; i--) {
			this.open.get(i).close();
		}
	}

	@Test
	void concurrentWritersGetGaplessOffsetsAndShareForces() throws Exception {
		DurableWriteLog log = log(DurableWriteLog.Durability.FORCE);
		PendingChanges pending = new PendingChanges();
		WriteAppender appender = appender(log, new VersionIndex(), pending);
		int writers = 8;
		int writesEach = 40;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<CompletableFuture<HollowWriteResult>> results = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				for (int i = 0; i < writesEach; i++) {
					int number = i;
					results.add(CompletableFuture.supplyAsync(
							() -> appender.submit(envelopes(Pages.upsert("w" + writer + "-" + number, 1, "T"))), pool)
						.thenCompose((f) -> f));
				}
			}
			List<Long> offsets = new ArrayList<>();
			for (CompletableFuture<HollowWriteResult> result : results) {
				HollowWriteResult written = result.get(30, TimeUnit.SECONDS);
				assertThat(written.applied()).isEqualTo(1);
				offsets.add(written.offset());
			}
			assertThat(offsets)
				.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, writers * writesEach).boxed().toList());
			assertThat(log.head()).isEqualTo(writers * writesEach);
			assertThat(log.entriesAfter(0)).extracting(LogRecord::offset)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, writers * writesEach).boxed().toList());
			PendingChanges.Fold fold = pending.awaitFold(System.nanoTime(), Integer.MAX_VALUE);
			assertThat(fold.entries()).isEqualTo(writers * writesEach);
			assertThat(fold.highestOffset()).isEqualTo(writers * writesEach);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aWriteIsAnsweredOnlyAfterItsEntriesAreForced() throws Exception {
		CountDownLatch forcing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		DurableWriteLog log = log((channel) -> {
			forcing.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			channel.force(false);
		});
		WriteAppender appender = appender(log, new VersionIndex(), new PendingChanges());
		CompletableFuture<HollowWriteResult> result = appender.submit(envelopes(Pages.upsert("a", 1, "A")));
		assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
		// written, not yet forced: neither answered nor visible to followers
		assertThat(result).isNotDone();
		assertThat(log.head()).isZero();
		release.countDown();
		assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new HollowWriteResult(1, 1, 0));
		assertThat(log.head()).isEqualTo(1);
	}

	@Test
	void lastWriteWinsAgainstTheStateAndEveryEntryAlreadyAppended() throws Exception {
		DurableWriteLog log = log(DurableWriteLog.Durability.FORCE);
		VersionIndex state = new VersionIndex();
		state.put(new PageKey("a", Stage.PUBLISHED), new VersionIndex.Entry(10, false));
		WriteAppender appender = appender(log, state, new PendingChanges());

		assertThat(write(appender, Pages.upsert("a", 5, "older than the state")))
			.isEqualTo(new HollowWriteResult(0, 0, 1));
		assertThat(write(appender, Pages.upsert("a", 11, "A11"))).isEqualTo(new HollowWriteResult(1, 1, 0));
		assertThat(write(appender, Pages.upsert("a", 11, "same as in flight")))
			.isEqualTo(new HollowWriteResult(1, 0, 1));
		assertThat(
				write(appender, PageChanged.deleted("a", Stage.PUBLISHED, "slug-a", 12, java.time.Instant.now(), "t")))
			.isEqualTo(new HollowWriteResult(2, 1, 0));
		assertThat(write(appender, Pages.upsert("a", 11, "older than the in-flight delete")))
			.isEqualTo(new HollowWriteResult(2, 0, 1));
		// within one request too: the second change is older than the first
		assertThat(appender.submit(envelopes(Pages.upsert("b", 3, "B3"), Pages.upsert("b", 2, "B2")))
			.get(10, TimeUnit.SECONDS)).isEqualTo(new HollowWriteResult(3, 1, 1));
		assertThat(log.entriesAfter(0)).extracting(LogRecord::offset).containsExactly(1L, 2L, 3L);
		PageChanged stored = MarqueeJson.mapper().readValue(log.entriesAfter(2).get(0).json(), PageChanged.class);
		assertThat(stored.pageId()).isEqualTo("b");
		assertThat(stored.contentVersion()).isEqualTo(3);
	}

	@Test
	void aLogEntryHoldsTheRequestsOwnBytesOfItsChangeOnDiskToo() throws Exception {
		PageChanged change = Pages.upsert("a", 1, "A");
		byte[] body = MarqueeJson.mapper().writeValueAsBytes(new dev.marquee.model.HollowWriteRequest(List.of(change)));
		List<ChangeEnvelope> read = ChangeEnvelopes.readRequest(body);
		DurableWriteLog log = log(DurableWriteLog.Durability.FORCE);
		WriteAppender appender = appender(log, new VersionIndex(), new PendingChanges());
		assertThat(appender.submit(read).get(10, TimeUnit.SECONDS).applied()).isEqualTo(1);
		assertThat(log.entriesAfter(0).get(0).json()).isSameAs(read.get(0).json()).isEqualTo(MarqueeJson.write(change));
		this.open.remove(log);
		this.open.remove(this.open.size() - 1).close();
		log.close();

		try (DurableWriteLog reopened = DurableWriteLog.open(this.dir, new StateMark(-1, 0), 1 << 20,
				DurableWriteLog.Durability.FORCE)) {
			byte[] stored = reopened.entriesAfter(0).get(0).json();
			assertThat(stored).isEqualTo(read.get(0).json());
			assertThat(MarqueeJson.readPageChanged(stored)).isEqualTo(change);
			assertThat(ChangeEnvelopes.readChange(stored).key()).isEqualTo(new PageKey("a", Stage.PUBLISHED));
		}
	}

	@Test
	void aWriteTheDiskRefusesIsAnswered503AndItsOffsetsAreReused() throws Exception {
		boolean[] fail = { true };
		DurableWriteLog log = log((channel) -> {
			if (fail[0]) {
				// one failure: the rollback's force succeeds
				fail[0] = false;
				throw new java.io.IOException("disk full");
			}
			channel.force(false);
		});
		WriteAppender appender = appender(log, new VersionIndex(), new PendingChanges());
		CompletableFuture<HollowWriteResult> refused = appender.submit(envelopes(Pages.upsert("a", 1, "A")));
		await().atMost(Duration.ofSeconds(10)).until(refused::isDone);
		assertThat(refused).isCompletedExceptionally();
		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class).isThrownBy(refused::get)
			.withCauseInstanceOf(WriteUnavailableException.class);
		assertThat(write(appender, Pages.upsert("a", 1, "A"))).isEqualTo(new HollowWriteResult(1, 1, 0));
	}

	private static HollowWriteResult write(WriteAppender appender, PageChanged change) throws Exception {
		return appender.submit(envelopes(change)).get(10, TimeUnit.SECONDS);
	}

	private DurableWriteLog log(DurableWriteLog.Durability durability) {
		DurableWriteLog log = DurableWriteLog.open(this.dir, new StateMark(-1, 0), 1 << 20, durability);
		this.open.add(log);
		return log;
	}

	private WriteAppender appender(DurableWriteLog log, VersionIndex index, PendingChanges pending) {
		WriteAppender appender = new WriteAppender(log, index, pending, 1000, 10_000, new SimpleMeterRegistry());
		appender.start();
		this.open.add(appender::stop);
		return appender;
	}

	static List<ChangeEnvelope> envelopes(PageChanged... changes) {
		return java.util.Arrays.stream(changes).map(ChangeEnvelope::of).toList();
	}

}
