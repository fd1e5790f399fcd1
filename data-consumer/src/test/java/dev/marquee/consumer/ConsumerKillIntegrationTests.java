package dev.marquee.consumer;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A data consumer in its own JVM is killed with SIGKILL in the middle of a stream and
 * restarted: every record is applied and the read tables end up exactly as after a clean
 * run of the same stream (the in-process consumer applies the same changes under another
 * page-id prefix from the main topic).
 */
class ConsumerKillIntegrationTests extends IntegrationTestSupport {

	private static final Logger logger = LoggerFactory.getLogger(ConsumerKillIntegrationTests.class);

	private static final String TOPIC = "marquee.kill-test.page-changes";

	private static final Path LOG = Path.of("target", "kill-test-data-consumer.log");

	private @Nullable Process child;

	@AfterEach
	void stopChild() {
		if (this.child != null && this.child.isAlive()) {
			this.child.destroyForcibly();
		}
	}

	@Test
	void killedConsumerAppliesEveryRecordAndMatchesACleanRun() throws Exception {
		createTopic();
		List<PageChanged> clean = TestChanges.stream("kclean-", 100, 5);
		List<PageChanged> killed = TestChanges.stream("kkill-", 100, 5);
		List<RecordMetadata> cleanWritten = publishAll(Topics.PAGE_CHANGES, clean);

		int half = killed.size() / 2;
		List<RecordMetadata> written = new ArrayList<>(publishAll(TOPIC, killed.subList(0, half)));
		this.child = startChild();
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50)).until(() -> appliedCount() >= 30);
		this.child.destroyForcibly();
		assertThat(this.child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long appliedAtKill = appliedCount();
		logger.info("Child consumer killed with {} of {} records of the first half applied", appliedAtKill, half);

		written.addAll(publishAll(TOPIC, killed.subList(half, killed.size())));
		this.child = startChild();
		await().atMost(Duration.ofSeconds(240)).until(() -> applied(TOPIC, written));
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(Topics.PAGE_CHANGES, cleanWritten));

		List<String> afterKill = ReadTablesDump.of(this.session, "kkill-");
		List<String> cleanRun = ReadTablesDump.of(this.session, "kclean-");
		assertThat(afterKill).as("killed at about %d of %d records applied", appliedAtKill, killed.size())
			.isNotEmpty()
			.isEqualTo(cleanRun);
	}

	/**
	 * Records applied so far by the child, from its watermarks (offsets start at 0 on a
	 * new topic).
	 */
	private long appliedCount() {
		return watermarks(TOPIC).values().stream().mapToLong((offset) -> offset + 1).sum();
	}

	private static void createTopic() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()))) {
			if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
				admin.createTopics(List.of(new NewTopic(TOPIC, Topics.PARTITIONS, (short) 1)))
					.all()
					.get(30, TimeUnit.SECONDS);
			}
		}
	}

	private static Process startChild() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), DataConsumerApplication.class.getName(), "--server.port=0",
				"--server.address=127.0.0.1",
				"--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers(),
				"--spring.cassandra.contact-points=" + RealInfrastructure.cassandraContactPoint(),
				"--spring.cassandra.local-datacenter=" + RealInfrastructure.CASSANDRA_DATACENTER,
				"--marquee.consumer.topic=" + TOPIC, "--marquee.consumer.dlt-topic=" + TOPIC + ".DLT",
				"--spring.kafka.consumer.group-id=marquee-kill-test",
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
