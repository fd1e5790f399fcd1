package dev.marquee.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.marquee.infra.CassandraServer;
import dev.marquee.infra.KafkaServer;
import dev.marquee.infra.Readiness;

/**
 * The project's own Kafka and Cassandra processes on free loopback ports, data in a
 * temporary directory that is deleted when the test JVM exits. Each server watches this
 * JVM and exits if it dies.
 */
final class LocalInfrastructure implements Infrastructure {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Path root;

	private KafkaServer kafka;

	private CassandraServer cassandra;

	LocalInfrastructure() {
		try {
			this.root = Files.createTempDirectory("marquee-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "marquee-test-infrastructure-shutdown"));
	}

	@Override
	public String kind() {
		return "local";
	}

	@Override
	public synchronized String kafkaBootstrapServers() {
		if (this.kafka == null) {
			KafkaServer server = new KafkaServer(
					new KafkaServer.Settings(this.root.resolve("kafka"), "127.0.0.1", Readiness.freePort(),
							Readiness.freePort(), List.of("-Xms128m", "-Xmx512m"), ProcessHandle.current().pid()));
			server.start(START_TIMEOUT);
			this.kafka = server;
		}
		return this.kafka.bootstrapServers();
	}

	@Override
	public synchronized String cassandraContactPoint() {
		if (this.cassandra == null) {
			CassandraServer server = new CassandraServer(
					new CassandraServer.Settings(this.root.resolve("cassandra"), "127.0.0.1", Readiness.freePort(),
							Readiness.freePort(), List.of("-Xms256m", "-Xmx1g"), ProcessHandle.current().pid()));
			server.start(START_TIMEOUT);
			this.cassandra = server;
		}
		return this.cassandra.contactPoint();
	}

	@Override
	public synchronized void stopKafka() {
		requireStarted(this.kafka, "Kafka").stop(STOP_GRACE);
	}

	@Override
	public synchronized void startKafka() {
		KafkaServer server = requireStarted(this.kafka, "Kafka");
		if (server.running().isEmpty()) {
			server.start(START_TIMEOUT);
		}
	}

	@Override
	public synchronized void killKafka() {
		requireStarted(this.kafka, "Kafka").kill();
	}

	@Override
	public synchronized void stopCassandra() {
		requireStarted(this.cassandra, "Cassandra").stop(STOP_GRACE);
	}

	@Override
	public synchronized void startCassandra() {
		CassandraServer server = requireStarted(this.cassandra, "Cassandra");
		if (server.running().isEmpty()) {
			server.start(START_TIMEOUT);
		}
	}

	@Override
	public synchronized void killCassandra() {
		requireStarted(this.cassandra, "Cassandra").kill();
	}

	private static <T> T requireStarted(T server, String name) {
		if (server == null) {
			throw new IllegalStateException(name + " was never started in this test JVM");
		}
		return server;
	}

	private synchronized void shutdown() {
		if (this.kafka != null) {
			this.kafka.stop(STOP_GRACE);
		}
		if (this.cassandra != null) {
			this.cassandra.stop(STOP_GRACE);
		}
		if (!Boolean.getBoolean("marquee.test.keep-data")) {
			deleteRecursively(this.root);
		}
	}

	private static void deleteRecursively(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: the directory is under the system temp folder.
		}
	}

}
