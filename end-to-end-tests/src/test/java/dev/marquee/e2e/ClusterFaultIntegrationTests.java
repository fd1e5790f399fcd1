package dev.marquee.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.e2e.MarqueeClient.Answer;
import dev.marquee.infra.CassandraServer;
import dev.marquee.infra.KafkaServer;
import dev.marquee.model.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform in cluster mode (3 Cassandra nodes, 3 Kafka brokers, two page-construction
 * replicas; RF 3, LOCAL_QUORUM, {@code min.insync.replicas=2}) while signed edits flow:
 * one Cassandra node, then the Kafka broker leading a partition of the page-change topic,
 * then a page-construction replica are killed with SIGKILL and restarted, one after the
 * other. Senders behave like a CMS (an edit not acknowledged with a 2xx is retried with
 * the same delivery id); readers read every acknowledged page from every replica on both
 * paths throughout.
 *
 * <p>
 * The faults overlap: each is injected once some edits were acknowledged since the one
 * before it, while that one is still restarting, so for a while a Cassandra node, a Kafka
 * broker and a replica are down together. Each layer loses one member at a time, which
 * its replication is built for, and the run takes about as long as the slowest restart
 * instead of their sum (eleven JVMs restarting on 2 cores take minutes each). Senders
 * keep sending, each at a steady pace, from before the first fault until some edits after
 * the last restart are acknowledged, so edits flow through every fault. Afterwards every
 * acknowledged edit is visible at its final version on both paths on every replica, and
 * no read on a surviving replica (one that was never killed) failed. Reduced for CI
 * ({@code marquee.e2e.cluster-edits}: edits between two faults, default 20); the full
 * run's command and figures are in RELIABILITY.md.
 */
// Last: it releases the shared platform, Kafka and Cassandra to run its own 11 JVMs.
@Order(Integer.MAX_VALUE)
class ClusterFaultIntegrationTests {

	private static final int PAGES = Integer.getInteger("marquee.e2e.cluster-pages", 24);

	/**
	 * Edits acknowledged before the first fault, between two faults and after the last
	 * one.
	 */
	private static final int EDITS_BETWEEN_FAULTS = Integer.getInteger("marquee.e2e.cluster-edits", 20);

	private static final int SENDERS = 4;

	/**
	 * Each sender's pause after an acknowledged edit: a steady stream, not a flood, on a
	 * 2-core machine.
	 */
	private static final Duration PACE = Duration.ofMillis(Long.getLong("marquee.e2e.cluster-pace-ms", 1000));

	private static final Duration ACKNOWLEDGE_WITHIN = Duration.ofMinutes(4);

	private static final List<String> REPLICAS = List.of("page-construction-1", "page-construction-2");

	private static ClusterUnderTest platform;

	private static PlatformEndToEndIntegrationTests.Catalog catalog;

	private static final Map<String, MarqueeClient> clients = new LinkedHashMap<>();

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger refusedWith503 = new AtomicInteger();

	private final AtomicInteger otherRefusals = new AtomicInteger();

	private final AtomicInteger connectionFailures = new AtomicInteger();

	private final AtomicInteger sent = new AtomicInteger();

	private final Map<String, Integer> lastAcknowledged = new ConcurrentHashMap<>();

	private final AtomicLong reads = new AtomicLong();

	/** Failed reads on surviving replicas, by the fault under way when they failed. */
	private final Map<String, AtomicInteger> readErrors = new ConcurrentHashMap<>();

	/**
	 * Failed reads on the killed replica while it was up (before its kill, or still
	 * warming up after its restart).
	 */
	private final Map<String, AtomicInteger> killedReplicaReadErrors = new ConcurrentHashMap<>();

	/** The replica killed in the run: not a survivor, from the start. */
	private final Set<String> killed = Set.of(REPLICAS.get(1));

	private final Set<String> down = ConcurrentHashMap.newKeySet();

	/** The faults under way, by name: what a failed read is reported against. */
	private final Set<String> faultsUnderWay = ConcurrentHashMap.newKeySet();

	private volatile String phase = "steady";

	private final ExecutorService workers = Executors.newFixedThreadPool(SENDERS + REPLICAS.size());

	/**
	 * One thread per fault, so a fault's restart runs while the next fault is injected.
	 */
	private final ExecutorService faulting = Executors.newCachedThreadPool();

	private final AtomicBoolean sending = new AtomicBoolean(true);

	private final AtomicBoolean reading = new AtomicBoolean(true);

	@BeforeAll
	static void startCluster() throws Exception {
		// On 2 cores the idle shared platform (4 services, Kafka, Cassandra) slowed every
		// restart of this run by a third or more.
		PlatformUnderTest.releaseShared();
		platform = new ClusterUnderTest();
		platform.start();
		for (String replica : REPLICAS) {
			clients.put(replica, new MarqueeClient(platform.url("ingestion-service"), platform.url(replica)));
		}
		catalog = PlatformEndToEndIntegrationTests.Catalog.publish("cluster", clients.get(REPLICAS.get(0)));
	}

	@AfterAll
	static void stopCluster() {
		// The shutdown hook stops everything too; closing here frees the machine (11
		// JVMs, their data) at once for
		// the classes after this one.
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void everyAcknowledgedEditSurvivesACassandraNodeAKafkaLeaderAndAReplicaKilled() throws Exception {
		MarqueeClient writer = clients.get(REPLICAS.get(0));
		List<String> faults = new ArrayList<>();
		AtomicInteger progress = new AtomicInteger();
		List<Future<?>> senders = new ArrayList<>();
		int pagesPerSender = PAGES / SENDERS;
		for (int sender = 0; sender < SENDERS; sender++) {
			int s = sender;
			senders.add(this.workers.submit(() -> {
				for (int i = 0; this.sending.get(); i++) {
					int pageNumber = s + SENDERS * (i % pagesPerSender);
					sendUntilAcknowledged(writer, "cluster-page-" + catalog.suffix() + "-" + pageNumber,
							i / pagesPerSender + 1);
					progress.incrementAndGet();
					Thread.sleep(PACE.toMillis());
				}
				return null;
			}));
		}
		List<Future<?>> readers = new ArrayList<>();
		for (String replica : REPLICAS) {
			readers.add(this.workers.submit(() -> readContinuously(replica, this.reading)));
		}

		KafkaServer leader = partitionLeader();
		CassandraServer node = platform.cluster().cassandra().get(1);
		String killedReplica = REPLICAS.get(1);
		List<Callable<String>> kills = List
			.of(() -> measure("SIGKILL Cassandra node " + node.contactPoint(), progress, () -> {
				node.kill();
				node.start(ClusterUnderTest.START_TIMEOUT);
			}), () -> measure(
					"SIGKILL Kafka broker " + leader.bootstrapServers() + " (leader of " + Topics.PAGE_CHANGES + "-0)",
					progress, () -> {
						leader.kill();
						leader.start(ClusterUnderTest.START_TIMEOUT);
					}), () -> measure("SIGKILL " + killedReplica, progress, () -> {
						this.down.add(killedReplica);
						platform.killService(killedReplica);
						platform.restartService(killedReplica);
						this.down.remove(killedReplica);
					}));
		List<Future<String>> underWay = new ArrayList<>();
		for (Callable<String> kill : kills) {
			awaitProgress(progress, progress.get() + EDITS_BETWEEN_FAULTS);
			underWay.add(this.faulting.submit(kill));
		}
		for (Future<String> fault : underWay) {
			faults.add(fault.get());
		}
		awaitProgress(progress, progress.get() + EDITS_BETWEEN_FAULTS);
		this.sending.set(false);
		for (Future<?> future : senders) {
			future.get();
		}
		this.phase = "after the faults";
		Map<String, Map<String, Long>> visible = new LinkedHashMap<>();
		for (String replica : REPLICAS) {
			visible.put(replica, awaitFinalVersionsOnBothPaths(clients.get(replica)));
		}
		this.reading.set(false);
		for (Future<?> future : readers) {
			future.get();
		}
		this.workers.shutdown();

		String report = report(faults, visible);
		System.out.println(report);
		Files.writeString(Path.of("target/cluster-reliability-report.md"), report);
		assertThat(this.acknowledged.get()).isEqualTo(this.sent.get()).isGreaterThanOrEqualTo(4 * EDITS_BETWEEN_FAULTS);
		for (String replica : REPLICAS) {
			assertThat(visible.get(replica)).as(replica).hasSize(this.lastAcknowledged.size());
		}
		assertThat(this.otherRefusals.get()).as("answers other than 2xx and 503").isZero();
		assertThat(this.readErrors).as("failed reads on surviving replicas").isEmpty();
		assertThat(this.reads.get()).as("reads made during the run").isPositive();
	}

	/**
	 * Waits until the senders have acknowledged up to a threshold, failing only if none
	 * is acknowledged for {@link #ACKNOWLEDGE_WITHIN}: how long a larger run takes
	 * depends on the machine, a stall does not.
	 */
	private static void awaitProgress(AtomicInteger progress, int threshold) {
		while (progress.get() < threshold) {
			int seen = progress.get();
			await().atMost(ACKNOWLEDGE_WITHIN).until(() -> progress.get() > seen);
		}
	}

	@AfterEach
	void stopSendersAndReaders() {
		// a failed run must not leave its senders and readers working against the stopped
		// cluster
		this.sending.set(false);
		this.reading.set(false);
		this.workers.shutdownNow();
		this.faulting.shutdownNow();
	}

	private String measure(String fault, AtomicInteger progress, Runnable kill) {
		this.faultsUnderWay.add(fault);
		int at = progress.get();
		Instant started = Instant.now();
		kill.run();
		this.faultsUnderWay.remove(fault);
		return fault + " at edit " + at + ", back after " + Duration.between(started, Instant.now()).toSeconds()
				+ " s, " + (progress.get() - at) + " edits acknowledged meanwhile";
	}

	/**
	 * The broker leading partition 0 of the page-change topic: killing it forces a leader
	 * election.
	 */
	private static KafkaServer partitionLeader() throws Exception {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.cluster().bootstrapServers());
		try (Admin admin = Admin.create(config)) {
			TopicDescription topic = admin.describeTopics(List.of(Topics.PAGE_CHANGES))
				.allTopicNames()
				.get()
				.get(Topics.PAGE_CHANGES);
			assertThat(topic.partitions().get(0).replicas()).as("replicas of " + Topics.PAGE_CHANGES + "-0").hasSize(3);
			int leaderId = topic.partitions().get(0).leader().id();
			return platform.cluster().kafka().get(leaderId - 1);
		}
	}

	private void sendUntilAcknowledged(MarqueeClient client, String pageId, int edit) throws InterruptedException {
		String body = Content.page("publish", pageId, pageId, "edit " + edit, catalog.titleId(), catalog.talentId(),
				catalog.assetId(), edit);
		String deliveryId = pageId + "-edit-" + edit;
		Instant deadline = Instant.now().plus(ACKNOWLEDGE_WITHIN);
		this.sent.incrementAndGet();
		while (Instant.now().isBefore(deadline)) {
			try {
				Answer answer = client.webhook(body, deliveryId);
				if (answer.status() / 100 == 2) {
					this.acknowledged.incrementAndGet();
					this.lastAcknowledged.merge(pageId, edit, Math::max);
					return;
				}
				if (answer.status() == 503) {
					this.refusedWith503.incrementAndGet();
				}
				else {
					this.otherRefusals.incrementAndGet();
					System.err
						.println("unexpected answer for " + deliveryId + ": " + answer.status() + " " + answer.body());
				}
			}
			catch (IOException ex) {
				this.connectionFailures.incrementAndGet();
			}
			Thread.sleep(250);
		}
		throw new AssertionError("edit " + deliveryId + " was never acknowledged within " + ACKNOWLEDGE_WITHIN);
	}

	/**
	 * Reads acknowledged pages from one replica on both paths until told to stop. A page
	 * not yet on a path answers 404 (the Kafka path is eventually consistent); anything
	 * else but 200, or no answer, is a failed read unless the replica is the one killed.
	 */
	private Void readContinuously(String replica, AtomicBoolean reading) throws InterruptedException {
		MarqueeClient client = clients.get(replica);
		while (reading.get()) {
			for (String pageId : List.copyOf(this.lastAcknowledged.keySet())) {
				for (String readPath : List.of("HOLLOW", "KAFKA_CASSANDRA")) {
					if (this.down.contains(replica)) {
						continue;
					}
					String failure;
					try {
						Answer answer = client.page(pageId, readPath);
						failure = (answer.status() == 200 || answer.status() == 404) ? null : "HTTP " + answer.status();
					}
					catch (IOException ex) {
						failure = ex.getClass().getSimpleName();
					}
					this.reads.incrementAndGet();
					if (failure != null && !this.down.contains(replica)) {
						String during = this.faultsUnderWay.isEmpty() ? this.phase
								: String.join(" + ", this.faultsUnderWay);
						String key = replica + " " + readPath + " during " + during + ": " + failure;
						(this.killed.contains(replica) ? this.killedReplicaReadErrors : this.readErrors)
							.computeIfAbsent(key, (k) -> new AtomicInteger())
							.incrementAndGet();
					}
				}
			}
			Thread.sleep(50);
		}
		return null;
	}

	private Map<String, Long> awaitFinalVersionsOnBothPaths(MarqueeClient client) {
		Map<String, Long> visible = new ConcurrentHashMap<>();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			for (Map.Entry<String, Integer> expected : this.lastAcknowledged.entrySet()) {
				if (visible.containsKey(expected.getKey())) {
					continue;
				}
				long version = -1;
				boolean onBoth = true;
				for (String readPath : List.of("HOLLOW", "KAFKA_CASSANDRA")) {
					Answer answer = client.page(expected.getKey(), readPath);
					if (answer.status() != 200) {
						onBoth = false;
						break;
					}
					JsonNode page = answer.json();
					String heading = page.get("elements").get(0).get("text").get("heading").asString();
					int shown = Integer.parseInt(heading.substring("edit ".length()));
					// A newer heading than the last acknowledged one would mean an edit
					// went through unacknowledged.
					assertThat(shown).isBetween(1, expected.getValue());
					assertThat(page.get("elements").size()).as("no duplicated elements").isEqualTo(4);
					onBoth &= shown == expected.getValue();
					version = page.get("sourceVersion").asLong();
				}
				if (onBoth) {
					assertThat(version).isEqualTo(expected.getValue().longValue());
					visible.put(expected.getKey(), version);
				}
			}
			return visible.size() == this.lastAcknowledged.size();
		});
		return visible;
	}

	private String report(List<String> faults, Map<String, Map<String, Long>> visible) {
		StringBuilder report = new StringBuilder();
		report.append("## Cluster fault run, ").append(Instant.now()).append('\n');
		report.append("3 Cassandra nodes (RF 3, LOCAL_QUORUM), 3 Kafka brokers (RF 3, min.insync.replicas=2), ")
			.append(REPLICAS.size())
			.append(" page-construction replicas; pages: ")
			.append(this.lastAcknowledged.size())
			.append(", senders: ")
			.append(SENDERS)
			.append('\n');
		report.append("faults, in the order injected (each while the one before was still restarting):\n");
		faults.forEach((fault) -> report.append("  - ").append(fault).append('\n'));
		report.append("edits sent: ").append(this.sent.get()).append('\n');
		report.append("edits acknowledged (2xx): ").append(this.acknowledged.get()).append('\n');
		report.append("refusals with 503 (retried): ").append(this.refusedWith503.get()).append('\n');
		report.append("connection failures (retried): ").append(this.connectionFailures.get()).append('\n');
		report.append("other answers: ").append(this.otherRefusals.get()).append('\n');
		visible.forEach((replica, pages) -> report.append("pages at their final version on both paths on ")
			.append(replica)
			.append(": ")
			.append(pages.size())
			.append(" of ")
			.append(this.lastAcknowledged.size())
			.append(", lost: ")
			.append(this.lastAcknowledged.size() - pages.size())
			.append('\n'));
		report.append("reads during the run: ")
			.append(this.reads.get())
			.append(", failed on surviving replicas: ")
			.append(this.readErrors.values().stream().mapToInt(AtomicInteger::get).sum())
			.append(' ')
			.append(this.readErrors)
			.append('\n');
		report.append("failed reads on the killed replica while it was up: ")
			.append(this.killedReplicaReadErrors.values().stream().mapToInt(AtomicInteger::get).sum())
			.append(' ')
			.append(this.killedReplicaReadErrors)
			.append('\n');
		return report.toString();
	}

}
