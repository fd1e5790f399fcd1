package dev.marquee.hollowproducer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.hollow.remote.HttpAnnouncementWatcher;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.model.writelog.WriteLogBatch;
import dev.marquee.model.writelog.WriteLogEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hollow-producer as a child JVM, real HTTP, real Hollow: a consumer in this JVM
 * follows it through {@link HttpBlobRetriever} and {@link HttpAnnouncementWatcher},
 * across a SIGKILL of the producer.
 */
class HollowProducerProcessIntegrationTests {

	@TempDir
	static Path work;

	static ProducerProcess producer;

	static HollowWriteClient writes;

	static HttpAnnouncementWatcher watcher;

	static HollowConsumer consumer;

	/**
	 * The log offset and version of the consumer's last completed refresh (Hollow sets a
	 * state's header tags before it finishes applying the state, so they are read once
	 * the refresh has completed).
	 */
	static final AtomicReference<long[]> refreshed = new AtomicReference<>(new long[] { 0, -1 });

	@BeforeAll
	static void startProducerAndConsumer() throws Exception {
		producer = new ProducerProcess(work.resolve("blobs"), work.resolve("producer.log"), ProducerProcess.freePort(),
				"--marquee.hollow.cycle-interval=50ms", "--marquee.hollow.num-states-between-snapshots=3",
				"--marquee.hollow.snapshots-to-keep=2", "--marquee.hollow.log.segment-size=4KB",
				"--marquee.hollow.log.max-batch-entries=5")
			.start();
		writes = new HollowWriteClient(producer.endpoint());
		Files.createDirectories(work.resolve("downloads"));
		watcher = new HttpAnnouncementWatcher(producer.endpoint(), Duration.ofSeconds(10), Duration.ofMillis(50),
				Duration.ofMillis(500));
		consumer = HollowConsumer
			.withBlobRetriever(new HttpBlobRetriever(producer.endpoint(), work.resolve("downloads")))
			.withAnnouncementWatcher(watcher)
			.withRefreshListener(new HollowConsumer.AbstractRefreshListener() {

				@Override
				public void refreshSuccessful(long beforeVersion, long afterVersion, long requestedVersion) {
					refreshed.set(new long[] { ProducerProcess.stateOffset(consumer), afterVersion });
				}

			})
			.build();
		// nothing is announced yet (Hollow refuses to refresh to "no version"): the
		// watcher refreshes the
		// consumer as soon as the first write is announced
		assertThat(watcher.getLatestVersion()).isEqualTo(HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE);
	}

	@AfterAll
	static void stopProducer() {
		if (watcher != null) {
			watcher.close();
		}
		if (producer != null) {
			producer.stop();
		}
	}

	@Test
	void writeIsAnsweredWithAnOffsetThatAConsumerInAnotherJvmReaches() {
		long started = System.nanoTime();
		HollowWriteResult result = write(Pages.upsert("first", 1, "First page"));
		long acknowledged = System.nanoTime();
		assertThat(result.applied()).isEqualTo(1);
		assertThat(result.offset()).isPositive();
		awaitConsumerContains(result.offset());
		long visible = System.nanoTime();
		assertThat(read("first").title()).isEqualTo("First page");
		System.out.printf("write -> ack %d ms, ack -> consumer refreshed %d ms%n", (acknowledged - started) / 1_000_000,
				(visible - acknowledged) / 1_000_000);
	}

	@Test
	void olderOrEqualVersionsAreIgnoredLastWriteWins() {
		HollowWriteResult newer = write(Pages.upsert("lww", 100, "Newer"));
		HollowWriteResult older = write(Pages.upsert("lww", 50, "Older"));
		HollowWriteResult same = write(Pages.upsert("lww", 100, "Same version, other content"));
		assertThat(newer.applied()).isEqualTo(1);
		assertThat(older.ignored()).isEqualTo(1);
		assertThat(older.applied()).isZero();
		assertThat(same.ignored()).isEqualTo(1);
		assertThat(older.offset()).as("the head: the newer content is at or before it")
			.isGreaterThanOrEqualTo(newer.offset());
		awaitConsumerContains(same.offset());
		assertThat(read("lww").title()).isEqualTo("Newer");
	}

	@Test
	void deletesRemoveThePageByPrimaryKeyAndOutrankOlderUpserts() {
		write(Pages.upsert("gone", 10, "Soon gone"));
		HollowWriteResult deleted = write(
				PageChanged.deleted("gone", Stage.PUBLISHED, "slug-gone", 20, Instant.now(), "trace-delete"));
		HollowWriteResult stale = write(Pages.upsert("gone", 15, "Stale resurrection"));
		assertThat(deleted.applied()).isEqualTo(1);
		assertThat(stale.ignored()).isEqualTo(1);
		awaitConsumerContains(stale.offset());
		assertThat(find("gone")).isNull();
	}

	@Test
	void concurrentWritesGetGaplessOffsetsAndAllReachTheConsumer() throws Exception {
		int writers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<CompletableFuture<HollowWriteResult>> results = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				PageChanged change = Pages.upsert("concurrent-" + i, 1, "Concurrent " + i);
				results.add(CompletableFuture.supplyAsync(() -> write(change), pool));
			}
			Set<Long> offsets = new HashSet<>();
			for (CompletableFuture<HollowWriteResult> result : results) {
				assertThat(result.get().applied()).isEqualTo(1);
				offsets.add(result.get().offset());
			}
			long highest = offsets.stream().mapToLong(Long::longValue).max().orElseThrow();
			long lowest = offsets.stream().mapToLong(Long::longValue).min().orElseThrow();
			assertThat(offsets).hasSize(writers);
			assertThat(highest - lowest).as("gapless").isEqualTo(writers - 1);
			awaitConsumerContains(highest);
			for (int i = 0; i < writers; i++) {
				assertThat(read("concurrent-" + i).title()).isEqualTo("Concurrent " + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void everyAcknowledgedWriteSurvivesASigkillAndTheConsumerKeepsUpWithoutRestarting() {
		List<String> acknowledged = new ArrayList<>();
		long lastOffset = 0;
		for (int i = 0; i < 5; i++) {
			HollowWriteResult result = write(Pages.upsert("durable-" + i, 1, "Durable " + i));
			assertThat(result.offset()).isGreaterThan(lastOffset);
			lastOffset = result.offset();
			acknowledged.add("durable-" + i);
		}
		awaitConsumerContains(lastOffset);
		long lastVersion = refreshed.get()[1];

		producer.kill();
		await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.isConnected());
		// while the producer is down the consumer keeps serving its version
		assertThat(consumer.getCurrentVersionId()).isEqualTo(lastVersion);
		assertThat(read("durable-4").title()).isEqualTo("Durable 4");

		producer.start();
		assertThat(producer.log()).contains("Restored Hollow state");
		HollowWriteResult stale = write(Pages.upsert("durable-0", 0, "Older than what was acknowledged"));
		assertThat(stale.ignored()).as("the last-write-wins index is restored too").isEqualTo(1);
		HollowWriteResult after = write(Pages.upsert("after-restart", 1, "After restart"));
		assertThat(after.offset()).as("offsets continue").isGreaterThan(lastOffset);

		awaitConsumerContains(after.offset());
		assertThat(refreshed.get()[1]).as("versions continue").isGreaterThan(lastVersion);
		for (String pageId : acknowledged) {
			assertThat(read(pageId).title()).isEqualTo("Durable " + pageId.substring("durable-".length()));
		}
		assertThat(read("after-restart").title()).isEqualTo("After restart");
	}

	@Test
	void aSecondProducerOnTheSameBlobStoreRefusesToStart() throws Exception {
		ProducerProcess second = new ProducerProcess(work.resolve("blobs"), work.resolve("second.log"),
				ProducerProcess.freePort())
			.launch();
		try {
			await().atMost(Duration.ofMinutes(2)).until(() -> !second.process().isAlive());
			assertThat(second.process().exitValue()).isNotZero();
			assertThat(second.log()).contains("holds the lock");
		}
		finally {
			second.kill();
		}
		// the first producer still writes
		assertThat(write(Pages.upsert("still-writing", 1, "Still writing")).applied()).isEqualTo(1);
	}

	@Test
	void apiAnswersProblemJsonAndEnforcesRoles() throws Exception {
		HollowWriteResult written = write(Pages.upsert("api", 1, "API"));
		HttpResponse<String> anonymous = http("POST", "/v1/writes", null, "{\"changes\":[]}");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(http("GET", "/v1/announcements/latest", "editor:marquee-editor-local", null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> empty = http("POST", "/v1/writes", SERVICE, "{\"changes\":[]}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("https://marquee.dev/problems/invalid-hollow-write");
		HttpResponse<String> malformed = http("POST", "/v1/writes", SERVICE, "{\"changes\":[{\"kind\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("https://marquee.dev/problems/unreadable-request");
		PageChanged mismatch = new PageChanged(PageChanged.ChangeKind.UPSERTED, "api", Stage.PUBLISHED, "slug-api",
				null, 3, Instant.now(), "t", Pages.page("api", 4, "API"));
		HttpResponse<String> mismatched = http("POST", "/v1/writes", SERVICE,
				MarqueeJson.mapper().writeValueAsString(new HollowWriteRequest(List.of(mismatch))));
		assertThat(mismatched.statusCode()).isEqualTo(400);
		assertThat(mismatched.body()).contains("https://marquee.dev/problems/invalid-hollow-write");

		awaitConsumerContains(written.offset());
		long latest = Long
			.parseLong(http("GET", "/v1/announcements/latest", SERVICE, null).body().replaceAll("\\D", ""));
		assertThat(latest).isGreaterThanOrEqualTo(refreshed.get()[1]);
		HttpResponse<String> snapshot = http("GET", "/v1/blobs/snapshot?version=" + latest, SERVICE, null);
		assertThat(snapshot.statusCode()).isEqualTo(200);
		assertThat(Long.parseLong(snapshot.headers().firstValue("Hollow-Version-To").orElseThrow()))
			.isLessThanOrEqualTo(latest);
		HttpResponse<String> missing = http("GET", "/v1/blobs/delta?from=1", SERVICE, null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("https://marquee.dev/problems/hollow-blob-not-found");

		assertThat(http("GET", "/v1/log?after=0", "editor:marquee-editor-local", null).statusCode()).isEqualTo(403);
		assertThat(http("GET", "/v1/log?after=0", null, null).statusCode()).isEqualTo(401);
		HttpResponse<String> badAfter = http("GET", "/v1/log?after=abc", SERVICE, null);
		assertThat(badAfter.statusCode()).isEqualTo(400);
		assertThat(badAfter.body()).contains("https://marquee.dev/problems/invalid-parameter");
		HttpResponse<String> error = http("GET", "/error", null, null);
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(error.body()).contains("https://marquee.dev/problems/not-found");

		assertThat(http("GET", "/v3/api-docs", null, null).body()).contains("/v1/writes", "/v1/announcements/await",
				"/v1/log");
		// Components and details are for ADMIN only.
		assertThat(http("GET", "/actuator/health", "admin:marquee-admin-local", null).body()).contains("hollowProducer",
				"\"version\"", "\"logHead\"", "\"stateOffset\"", "\"pending\"");
		assertThat(http("GET", "/actuator/prometheus", "admin:marquee-admin-local", null).body()).contains(
				"marquee_hollow_cycle_seconds", "marquee_hollow_version", "marquee_hollow_blob_size_bytes",
				"marquee_hollow_write_append_seconds", "marquee_hollow_log_head", "marquee_hollow_log_pending",
				"marquee_hollow_log_state_offset", "marquee_hollow_log_truncations_total");
	}

	@Test
	void longPollAnswersAsSoonAsANewVersionIsAnnounced() throws Exception {
		long offset = write(Pages.upsert("poll", 1, "Poll")).offset();
		// once every entry is folded no cycle runs until the next write: the announced
		// version stays put
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			WriteLogBatch log = producer.readLog(offset, 0).body();
			return log.stateOffset() == log.head();
		});
		long current = producer.readLog(offset, 0).body().stateVersion();
		long started = System.nanoTime();
		HttpResponse<String> unchanged = http("GET", "/v1/announcements/await?after=" + current + "&timeoutMs=300",
				SERVICE, null);
		assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
		assertThat(unchanged.body()).contains(Long.toString(current));

		CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return http("GET", "/v1/announcements/await?after=" + current + "&timeoutMs=30000", SERVICE, null);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		write(Pages.upsert("poll", 2, "Poll 2"));
		long next = Long.parseLong(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).body().replaceAll("\\D", ""));
		assertThat(next).isGreaterThan(current);
	}

	@Test
	void theLogAnswersDurableEntriesAtOnceAndLongPollsForTheNext() throws Exception {
		PageChanged change = Pages.upsert("follow", 1, "Followed");
		long offset = write(change).offset();
		ProducerProcess.LogAnswer now = producer.readLog(offset - 1, 30_000);
		assertThat(now.contentType()).startsWith("application/json");
		WriteLogBatch batch = now.body();
		assertThat(batch.entries()).first().isEqualTo(new WriteLogEntry(offset, change));
		// the change's bytes as the writer sent them, not a copy serialised anew
		assertThat(now.raw()).contains(new String(MarqueeJson.write(change), StandardCharsets.UTF_8));
		assertThat(batch.head()).isGreaterThanOrEqualTo(offset);
		assertThat(batch.logId()).isNotBlank();
		assertThat(batch.stateVersion()).isNotNegative();

		long head = batch.head();
		long started = System.nanoTime();
		WriteLogBatch empty = producer.readLog(head, 300).body();
		assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
		assertThat(empty.entries()).isEmpty();
		assertThat(empty.head()).isEqualTo(head);

		CompletableFuture<ProducerProcess.LogAnswer> waiting = CompletableFuture
			.supplyAsync(() -> producer.readLog(head, 30_000));
		PageChanged next = Pages.upsert("follow", 2, "Followed again");
		long nextOffset = write(next).offset();
		WriteLogBatch woken = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).body();
		assertThat(woken.entries()).containsExactly(new WriteLogEntry(nextOffset, next));
		assertThat(nextOffset).isEqualTo(head + 1);

		ProducerProcess.LogAnswer beyond = producer.readLog(nextOffset + 10, 0);
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.raw()).contains("https://marquee.dev/problems/unknown-log-offset");
	}

	@Test
	void theLogCapsAnAnswerAndTheCallerContinuesFromItsLastEntry() {
		List<PageChanged> changes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			changes.add(Pages.upsert("capped-" + i, 1, "Capped " + i));
		}
		HollowWriteResult written = writes.write(new HollowWriteRequest(changes));
		assertThat(written.applied()).isEqualTo(12);
		long after = written.offset() - 12;
		List<WriteLogEntry> read = new ArrayList<>();
		while (after < written.offset()) {
			WriteLogBatch batch = producer.readLog(after, 0).body();
			assertThat(batch.entries()).hasSizeBetween(1, 5);
			read.addAll(batch.entries());
			after = batch.entries().get(batch.entries().size() - 1).offset();
		}
		assertThat(read).extracting(WriteLogEntry::offset)
			.containsExactlyElementsOf(
					java.util.stream.LongStream.rangeClosed(written.offset() - 11, written.offset()).boxed().toList());
		assertThat(read).extracting((entry) -> entry.change().pageId())
			.containsExactlyElementsOf(changes.stream().map(PageChanged::pageId).toList());
	}

	@Test
	void aFollowerBehindTruncatedEntriesIsToldToResynchroniseFromTheState() {
		long last = 0;
		for (int i = 0; i < 20; i++) {
			last = write(Pages.upsert("truncated-" + i, 1, "Truncated " + i)).offset();
		}
		long head = last;
		// cycles fold the entries; segments (4 KB) they all contain are deleted
		await().atMost(Duration.ofSeconds(30)).until(() -> producer.readLog(0, 0).status() == 410);
		ProducerProcess.LogAnswer gone = producer.readLog(0, 0);
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(gone.raw()).contains(WriteLog.TRUNCATED_PROBLEM_TYPE, "\"stateOffset\"", "\"stateVersion\"",
				"\"firstOffset\"");
		awaitConsumerContains(head);
		// from the state's offset the log answers again
		assertThat(producer.readLog(refreshed.get()[0], 0).status()).isEqualTo(200);
	}

	private static final String SERVICE = "marquee-service:marquee-service-local";

	private static HttpResponse<String> http(String method, String path, @Nullable String credentials,
			@Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(producer.uri().resolve(path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HollowWriteResult write(PageChanged change) {
		return writes.write(new HollowWriteRequest(List.of(change)));
	}

	private static void awaitConsumerContains(long offset) {
		await().atMost(Duration.ofSeconds(60)).until(() -> refreshed.get()[0] >= offset);
	}

	private static Page read(String pageId) {
		Page page = find(pageId);
		assertThat(page).as("page " + pageId).isNotNull();
		return page;
	}

	private static @Nullable Page find(String pageId) {
		HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(consumer.getStateEngine(), HollowPage.TYPE,
				"pageId.value", "stage.value");
		int ordinal = index.getMatchingOrdinal(pageId, Stage.PUBLISHED.name());
		return (ordinal < 0) ? null : HollowPages.fromHollow(consumer.getStateEngine(), ordinal);
	}

}
