package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Kafka broker (KRaft, a combined broker and controller) in its own JVM,
 * with its data, config and logs under one directory. Restarting it on the same directory
 * keeps its topics and offsets. Alone it is its own one-voter controller quorum; in a
 * local cluster every broker is also one of the quorum's voters.
 */
public final class KafkaServer extends LocalServer {

	/** Logged by the broker once it serves clients. */
	static final String READY_MARKER = "Kafka Server started";

	private final Settings settings;

	public KafkaServer(Settings settings) {
		super("Kafka", settings.home());
		this.settings = settings;
	}

	/**
	 * Where and how the broker runs.
	 *
	 * @param home its directory: {@code config/}, {@code data/}, {@code logs/},
	 * {@code kafka.pid}
	 * @param host the address it listens on (loopback)
	 * @param port the client (PLAINTEXT) port
	 * @param controllerPort the KRaft controller port
	 * @param heap heap options
	 * @param ownerPid the process whose death stops the broker
	 * @param quorum the broker's node id, the controller quorum and the replication of
	 * Kafka's own topics
	 */
	public record Settings(Path home, String host, int port, int controllerPort, List<String> heap, long ownerPid,
			Quorum quorum) {

		/**
		 * A broker alone: node 1, its own one-voter quorum, internal topics with one
		 * replica.
		 */
		public Settings(Path home, String host, int port, int controllerPort, List<String> heap, long ownerPid) {
			this(home, host, port, controllerPort, heap, ownerPid,
					new Quorum(1, "1@" + host + ":" + controllerPort, 1, randomClusterId()));
		}

		public static Settings defaults(Path home, long ownerPid) {
			return new Settings(home, "127.0.0.1", 9092, 9093, List.of("-Xms256m", "-Xmx512m"), ownerPid);
		}

		/**
		 * Broker {@code index} of a local cluster of {@code size}: on
		 * {@code 127.0.0.<index + 1>} with the same ports as every other broker, node id
		 * {@code index + 1}, every broker a controller voter.
		 * @param home the broker's directory
		 * @param index 0-based broker index
		 * @param size brokers in the cluster (3: a quorum survives one broker down)
		 * @param port the client port of every broker
		 * @param controllerPort the controller port of every broker
		 * @param clusterId the id every broker's storage is formatted with
		 * @param heap heap options
		 * @param ownerPid the process whose death stops the broker
		 * @return the broker's settings
		 */
		public static Settings clusterBroker(Path home, int index, int size, int port, int controllerPort,
				String clusterId, List<String> heap, long ownerPid) {
			List<String> voters = new ArrayList<>();
			for (int voter = 0; voter < size; voter++) {
				voters.add((voter + 1) + "@" + CassandraServer.clusterHost(voter) + ":" + controllerPort);
			}
			return new Settings(home, CassandraServer.clusterHost(index), port, controllerPort, heap, ownerPid,
					new Quorum(index + 1, String.join(",", voters), Math.min(3, size), clusterId));
		}

	}

	/**
	 * The broker's place in its cluster.
	 *
	 * @param nodeId this broker's node id
	 * @param voters {@code controller.quorum.voters}: {@code id@host:controllerPort,...}
	 * @param internalReplicas replicas of Kafka's own topics (consumer offsets,
	 * transaction state); with 3, their {@code min.isr} is 2
	 * @param clusterId the id the storage is formatted with on first start (the same for
	 * every broker of a cluster)
	 */
	public record Quorum(int nodeId, String voters, int internalReplicas, String clusterId) {
	}

	public String bootstrapServers() {
		return this.settings.host() + ":" + this.settings.port();
	}

	public Path serverLog() {
		return this.settings.home().resolve("logs/server.log");
	}

	public Path outputLog() {
		return this.settings.home().resolve("logs/kafka.out");
	}

	/**
	 * Writes the configuration, formats the storage on first start, starts the broker and
	 * waits until it is ready.
	 * @param timeout how long to wait for readiness
	 */
	public void start(Duration timeout) {
		checkCanStart(this.settings.host(), this.settings.port());
		try {
			Path config = this.settings.home().resolve("config");
			Files.createDirectories(config);
			Files.createDirectories(this.settings.home().resolve("logs"));
			Files.writeString(config.resolve("server.properties"), serverProperties());
			Files.writeString(config.resolve("log4j2.properties"), log4jProperties());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Path> classpath = ServerClasspath.concat(List.of(ServerClasspath.launcherLocation()),
				ServerClasspath.of("kafka"));
		if (!Files.exists(this.settings.home().resolve("data/meta.properties"))) {
			format(classpath);
		}
		long logOffset = Readiness.sizeOf(serverLog());
		List<String> command = new ArrayList<>(javaCommand(classpath));
		command.add(OrphanGuard.class.getName());
		command.add(Long.toString(this.settings.ownerPid()));
		command.add("kafka.Kafka");
		command.add(this.settings.home().resolve("config/server.properties").toString());
		ManagedProcess broker = launch(command, outputLog());
		Readiness.await("Kafka on " + bootstrapServers(), timeout, broker,
				() -> Readiness.portOpen(this.settings.host(), this.settings.port())
						&& Readiness.logContains(serverLog(), logOffset, READY_MARKER),
				serverLog());
	}

	private void format(List<Path> classpath) {
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.add("-Xmx256m");
		command.addAll(logOptions());
		command.add("-cp");
		command.add(ServerClasspath.join(classpath));
		command.add("kafka.tools.StorageTool");
		command.addAll(List.of("format", "-t", this.settings.quorum().clusterId(), "-c",
				this.settings.home().resolve("config/server.properties").toString()));
		Path log = this.settings.home().resolve("logs/format.out");
		ManagedProcess formatter = ManagedProcess.start("kafka-format", command, this.settings.home(), Map.of(), log,
				this.settings.home().resolve("format.pid"));
		if (!formatter.awaitExit(Duration.ofMinutes(2))) {
			formatter.kill();
			throw new IllegalStateException("formatting Kafka storage timed out; see " + log);
		}
		if (!Files.exists(this.settings.home().resolve("data/meta.properties"))) {
			throw new IllegalStateException("formatting Kafka storage failed; see " + log);
		}
	}

	/**
	 * A Kafka cluster id: 16 random bytes, base64url, not starting with '-' (as Kafka's
	 * own Uuid does).
	 */
	public static String randomClusterId() {
		SecureRandom random = new SecureRandom();
		while (true) {
			byte[] bytes = new byte[16];
			random.nextBytes(bytes);
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			if (!id.startsWith("-")) {
				return id;
			}
		}
	}

	private List<String> javaCommand(List<Path> classpath) {
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.addAll(this.settings.heap());
		command.addAll(logOptions());
		command.add("-cp");
		command.add(ServerClasspath.join(classpath));
		return command;
	}

	private List<String> logOptions() {
		return List.of("-Dlog4j2.configurationFile=" + this.settings.home().resolve("config/log4j2.properties"),
				"-Dkafka.logs.dir=" + this.settings.home().resolve("logs"));
	}

	private String serverProperties() {
		String host = this.settings.host();
		return """
				# Written by Marquee's launcher on every start; edit KafkaServer.Settings instead.
				process.roles=broker,controller
				node.id=%5$d
				controller.quorum.voters=%6$s
				listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
				advertised.listeners=PLAINTEXT://%1$s:%2$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%4$s
				num.partitions=6
				offsets.topic.replication.factor=%7$d
				offsets.topic.num.partitions=6
				transaction.state.log.replication.factor=%7$d
				transaction.state.log.min.isr=%8$d
				share.coordinator.state.topic.replication.factor=%7$d
				share.coordinator.state.topic.min.isr=%8$d
				default.replication.factor=%7$d
				min.insync.replicas=%8$d
				unclean.leader.election.enable=false
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=true
				""".formatted(host, this.settings.port(), this.settings.controllerPort(),
				this.settings.home().resolve("data"), this.settings.quorum().nodeId(), this.settings.quorum().voters(),
				this.settings.quorum().internalReplicas(), Math.max(1, this.settings.quorum().internalReplicas() - 1));
	}

	private static String log4jProperties() {
		return """
				status = warn
				appender.file.type = File
				appender.file.name = FILE
				appender.file.fileName = ${sys:kafka.logs.dir}/server.log
				appender.file.layout.type = PatternLayout
				appender.file.layout.pattern = [%d] %p %m (%c)%n
				rootLogger.level = INFO
				rootLogger.appenderRef.file.ref = FILE
				""";
	}

	public Settings settings() {
		return this.settings;
	}

}
