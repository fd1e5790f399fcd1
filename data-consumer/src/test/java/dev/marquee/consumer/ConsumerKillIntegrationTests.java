package dev.marquee.consumer;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A data consumer in its own JVM is killed with SIGKILL in the middle of a stream and
 * restarted: every record is applied and the read tables end up exactly as after a clean
 * run of the same stream (the in-process consumer applies the same changes under another
 * page-id prefix first). There is one page-change topic, so the in-process consumer stops
 * while the child, in the same consumer group, takes the stream over.
 */
class ConsumerKillIntegrationTests extends IntegrationTestSupport {

	private static final Logger logger = LoggerFactory.getLogger(ConsumerKillIntegrationTests.class);

	private static final Path LOG = Path.of("target", "kill-test-data-consumer.log");

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private @Nullable Process child;

	@AfterEach
	void stopChildAndResumeInProcessConsumer() throws InterruptedException {
		if (this.child != null && this.child.isAlive()) {
			this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// The other test classes share this context and its consumer.
		this.listeners.getListenerContainers().forEach((container) -> container.start());
	}

	@Test
	void killedConsumerAppliesEveryRecordAndMatchesACleanRun() throws Exception {
		List<PageChanged> clean = TestChanges.stream("kclean-", 100, 5);
		List<PageChanged> killed = TestChanges.stream("kkill-", 100, 5);
		List<RecordMetadata> cleanWritten = publishAll(Topics.PAGE_CHANGES, clean);
		await().atMost(Duration.ofSeconds(120)).until(() -> applied(Topics.PAGE_CHANGES, cleanWritten));
		// Stopping waits for the container to leave the group with its offsets committed.
		this.listeners.getListenerContainers().forEach((container) -> container.stop());

		int half = killed.size() / 2;
		List<RecordMetadata> written = new ArrayList<>(publishAll(Topics.PAGE_CHANGES, killed.subList(0, half)));
		this.child = startChild();
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> appliedCount(written) >= 30);
		this.child.destroyForcibly();
		assertThat(this.child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long appliedAtKill = appliedCount(written);
		logger.info("Child consumer killed with {} of {} records of the first half applied", appliedAtKill, half);

		written.addAll(publishAll(Topics.PAGE_CHANGES, killed.subList(half, killed.size())));
		this.child = startChild();
		await().atMost(Duration.ofSeconds(240)).until(() -> applied(Topics.PAGE_CHANGES, written));

		List<String> afterKill = ReadTablesDump.of(this.session, "kkill-");
		List<String> cleanRun = ReadTablesDump.of(this.session, "kclean-");
		assertThat(afterKill).as("killed at about %d of %d records applied", appliedAtKill, killed.size())
			.isNotEmpty()
			.isEqualTo(cleanRun);
	}

	/**
	 * Records of {@code written} applied so far, from the watermarks: only the child
	 * consumes while they are written, partition by partition in offset order.
	 */
	private long appliedCount(List<RecordMetadata> written) {
		Map<Integer, Long> watermarks = watermarks(Topics.PAGE_CHANGES);
		return written.stream()
			.filter((metadata) -> watermarks.getOrDefault(metadata.partition(), -1L) >= metadata.offset())
			.collect(Collectors.counting());
	}

	private static Process startChild() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), DataConsumerApplication.class.getName(), "--server.port=0",
				"--server.address=127.0.0.1",
				"--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers(),
				"--spring.cassandra.contact-points=" + RealInfrastructure.cassandraContactPoint(),
				"--spring.cassandra.local-datacenter=" + RealInfrastructure.CASSANDRA_DATACENTER,
				// A killed member never leaves its group; a short session lets the
				// restarted one take over soon.
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.heartbeat-interval=2s");
		File log = LOG.toFile();
		log.getParentFile().mkdirs();
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
	}

}
