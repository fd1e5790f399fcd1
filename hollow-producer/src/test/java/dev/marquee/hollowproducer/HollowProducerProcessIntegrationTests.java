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
import dev.marquee.model.hollow.remote.HollowWriteClient;
import dev.marquee.model.hollow.remote.HttpAnnouncementWatcher;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hollow-producer as a child JVM, real HTTP, real Hollow: a consumer in this JVM follows it through
 * {@link HttpBlobRetriever} and {@link HttpAnnouncementWatcher}, across a SIGKILL of the producer.
 */
class HollowProducerProcessIntegrationTests {

	@TempDir
	static Path work;

	static ProducerProcess producer;

	static HollowWriteClient writes;

	static HttpAnnouncementWatcher watcher;

	static HollowConsumer consumer;

	@BeforeAll
	static void startProducerAndConsumer() throws Exception {
		producer = new ProducerProcess(work.resolve("blobs"), work.resolve("producer.log"), ProducerProcess.freePort(),
				"--marquee.hollow.batch-max-wait=50ms", "--marquee.hollow.num-states-between-snapshots=3",
				"--marquee.hollow.snapshots-to-keep=2")
			.start();
		writes = new HollowWriteClient(producer.endpoint());
		Files.createDirectories(work.resolve("downloads"));
		watcher = new HttpAnnouncementWatcher(producer.endpoint(), Duration.ofSeconds(10), Duration.ofMillis(50),
				Duration.ofMillis(500));
		consumer = HollowConsumer.withBlobRetriever(new HttpBlobRetriever(producer.endpoint(), work.resolve("downloads")))
			.withAnnouncementWatcher(watcher)
			.build();
		// nothing is announced yet (Hollow refuses to refresh to "no version"): the watcher refreshes the
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
	void writeIsAnsweredWithAVersionThatAConsumerInAnotherJvmReaches() {
		long started = System.nanoTime();
		HollowWriteResult result = write(Pages.upsert("first", 1, "First page"));
		long acknowledged = System.nanoTime();
		assertThat(result.applied()).isEqualTo(1);
		awaitConsumerAt(result.version());
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
		awaitConsumerAt(Math.max(newer.version(), same.version()));
		assertThat(read("lww").title()).isEqualTo("Newer");
	}

	@Test
	void deletesRemoveThePageByPrimaryKeyAndOutrankOlderUpserts() {
		write(Pages.upsert("gone", 10, "Soon gone"));
		HollowWriteResult deleted = write(PageChanged.deleted("gone", Stage.PUBLISHED, "slug-gone", 20, Instant.now(),
				"trace-delete"));
		HollowWriteResult stale = write(Pages.upsert("gone", 15, "Stale resurrection"));
		assertThat(deleted.applied()).isEqualTo(1);
		assertThat(stale.ignored()).isEqualTo(1);
		awaitConsumerAt(stale.version());
		assertThat(find("gone")).isNull();
	}

	@Test
	void concurrentWritesAreBatchedIntoFewerCycles() throws Exception {
		int writers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<CompletableFuture<HollowWriteResult>> results = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				PageChanged change = Pages.upsert("concurrent-" + i, 1, "Concurrent " + i);
				results.add(CompletableFuture.supplyAsync(() -> write(change), pool));
			}
			Set<Long> versions = new HashSet<>();
			for (CompletableFuture<HollowWriteResult> result : results) {
				assertThat(result.get().applied()).isEqualTo(1);
				versions.add(result.get().version());
			}
			System.out.printf("%d concurrent writes -> %d producer cycles%n", writers, versions.size());
			assertThat(versions).hasSizeLessThan(writers);
			awaitConsumerAt(versions.stream().mapToLong(Long::longValue).max().orElseThrow());
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
		long lastVersion = 0;
		for (int i = 0; i < 5; i++) {
			HollowWriteResult result = write(Pages.upsert("durable-" + i, 1, "Durable " + i));
			assertThat(result.version()).isGreaterThan(lastVersion);
			lastVersion = result.version();
			acknowledged.add("durable-" + i);
		}
		awaitConsumerAt(lastVersion);

		producer.kill();
		await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.isConnected());
		// while the producer is down the consumer keeps serving its version
		assertThat(consumer.getCurrentVersionId()).isEqualTo(lastVersion);
		assertThat(read("durable-4").title()).isEqualTo("Durable 4");

		producer.start();
		assertThat(producer.log()).contains("Restored Hollow state " + lastVersion);
		HollowWriteResult stale = write(Pages.upsert("durable-0", 0, "Older than what was acknowledged"));
		assertThat(stale.ignored()).as("the last-write-wins index is restored too").isEqualTo(1);
		HollowWriteResult after = write(Pages.upsert("after-restart", 1, "After restart"));
		assertThat(after.version()).as("versions continue").isGreaterThan(lastVersion);

		awaitConsumerAt(after.version());
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
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(http("GET", "/v1/announcements/latest", "editor:marquee-editor-local", null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> empty = http("POST", "/v1/writes", SERVICE, "{\"changes\":[]}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("https://marquee.dev/problems/invalid-hollow-write");

		long latest = Long.parseLong(http("GET", "/v1/announcements/latest", SERVICE, null).body().replaceAll("\\D", ""));
		assertThat(latest).isGreaterThanOrEqualTo(written.version());
		HttpResponse<String> snapshot = http("GET", "/v1/blobs/snapshot?version=" + latest, SERVICE, null);
		assertThat(snapshot.statusCode()).isEqualTo(200);
		assertThat(Long.parseLong(snapshot.headers().firstValue("Hollow-Version-To").orElseThrow()))
			.isLessThanOrEqualTo(latest);
		HttpResponse<String> missing = http("GET", "/v1/blobs/delta?from=1", SERVICE, null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("https://marquee.dev/problems/hollow-blob-not-found");

		assertThat(http("GET", "/v3/api-docs", null, null).body()).contains("/v1/writes", "/v1/announcements/await");
		assertThat(http("GET", "/actuator/health", null, null).body()).contains("hollowProducer", "\"version\"");
		assertThat(http("GET", "/actuator/prometheus", "admin:marquee-admin-local", null).body())
			.contains("marquee_hollow_cycle_seconds", "marquee_hollow_version", "marquee_hollow_blob_size_bytes");
	}

	@Test
	void longPollAnswersAsSoonAsANewVersionIsAnnounced() throws Exception {
		long current = write(Pages.upsert("poll", 1, "Poll")).version();
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
		long next = write(Pages.upsert("poll", 2, "Poll 2")).version();
		assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).body()).contains(Long.toString(next));
	}

	private static final String SERVICE = "marquee-service:marquee-service-local";

	private static HttpResponse<String> http(String method, String path, @Nullable String credentials,
			@Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(producer.uri().resolve(path))
			.timeout(Duration.ofSeconds(60))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (credentials != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HollowWriteResult write(PageChanged change) {
		return writes.write(new HollowWriteRequest(List.of(change)));
	}

	private static void awaitConsumerAt(long version) {
		await().atMost(Duration.ofSeconds(20)).until(consumer::getCurrentVersionId, (current) -> current >= version);
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
