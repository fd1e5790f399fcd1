package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A local Cassandra cluster and Kafka cluster of the same size on
 * {@code 127.0.0.1 … 127.0.0.<size>}: one seed (the first node), one data center
 * ({@value CassandraServer#DATACENTER}), and every Kafka broker a voter of the KRaft
 * controller quorum, all from the same Maven jars as a single node.
 *
 * <p>
 * Data lives in {@code <root>/cassandra-<n>} and {@code <root>/kafka-<n>}; the Kafka
 * cluster id is kept in {@code <root>/kafka-cluster-id} so that a restarted broker
 * formats nothing and rejoins its cluster.
 */
public final class LocalCluster {

	/** Nodes of each engine in a local cluster: a quorum of 2 survives one node down. */
	public static final int SIZE = 3;

	/**
	 * Heap of each Cassandra node: small -Xms (Cassandra mlockall()s it), enough -Xmx for
	 * a local test load.
	 */
	public static final List<String> CASSANDRA_HEAP = List.of("-Xms256m", "-Xmx768m");

	/** Heap of each Kafka broker. */
	public static final List<String> KAFKA_HEAP = List.of("-Xms128m", "-Xmx384m");

	private final List<CassandraServer> cassandra;

	private final List<KafkaServer> kafka;

	/**
	 * @param root where the nodes' directories live
	 * @param cassandraPort the CQL port of every node
	 * @param storagePort the inter-node port of every node
	 * @param kafkaPort the client port of every broker
	 * @param controllerPort the controller port of every broker
	 * @param ownerPid the process whose death stops every node
	 */
	public LocalCluster(Path root, int cassandraPort, int storagePort, int kafkaPort, int controllerPort,
			long ownerPid) {
		List<CassandraServer> nodes = new ArrayList<>();
		List<KafkaServer> brokers = new ArrayList<>();
		String clusterId = kafkaClusterId(root.resolve("kafka-cluster-id"));
		for (int index = 0; index < SIZE; index++) {
			nodes.add(new CassandraServer(CassandraServer.Settings.clusterNode(root.resolve("cassandra-" + (index + 1)),
					index, SIZE, cassandraPort, storagePort, CASSANDRA_HEAP, ownerPid)));
			brokers.add(new KafkaServer(KafkaServer.Settings.clusterBroker(root.resolve("kafka-" + (index + 1)), index,
					SIZE, kafkaPort, controllerPort, clusterId, KAFKA_HEAP, ownerPid)));
		}
		this.cassandra = List.copyOf(nodes);
		this.kafka = List.copyOf(brokers);
	}

	private static String kafkaClusterId(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).strip();
			}
			Files.createDirectories(file.getParent());
			String id = KafkaServer.randomClusterId();
			Files.writeString(file, id + "\n");
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the Cassandra nodes, the seed first
	 */
	public List<CassandraServer> cassandra() {
		return this.cassandra;
	}

	/**
	 * @return the Kafka brokers, node id 1 first
	 */
	public List<KafkaServer> kafka() {
		return this.kafka;
	}

	/**
	 * @return every node's contact point, comma-separated, for
	 * {@code spring.cassandra.contact-points}
	 */
	public String contactPoints() {
		return this.cassandra.stream().map(CassandraServer::contactPoint).collect(Collectors.joining(","));
	}

	/**
	 * @return every broker, comma-separated, for {@code spring.kafka.bootstrap-servers}
	 */
	public String bootstrapServers() {
		return this.kafka.stream().map(KafkaServer::bootstrapServers).collect(Collectors.joining(","));
	}

	/**
	 * The settings every service runs with on this cluster: keyspaces replicated to every
	 * node, topics with 3 replicas of which 2 must have a record before it is
	 * acknowledged, LOCAL_QUORUM reads and writes.
	 * @return command-line arguments for a Spring Boot service
	 */
	public List<String> serviceArguments() {
		return List.of("--spring.cassandra.contact-points=" + contactPoints(),
				"--spring.kafka.bootstrap-servers=" + bootstrapServers(),
				"--spring.cassandra.local-datacenter=" + CassandraServer.DATACENTER,
				"--marquee.cassandra.replication=NetworkTopologyStrategy:" + CassandraServer.DATACENTER + "=" + SIZE,
				"--marquee.kafka.replication-factor=" + SIZE, "--marquee.kafka.min-insync-replicas=" + (SIZE / 2 + 1),
				"--spring.cassandra.request.consistency=local_quorum");
	}

	/**
	 * Starts whatever is not running and waits until every node is ready: the Kafka
	 * brokers all at once (a broker is ready only once a majority of the controller
	 * quorum is up); the Cassandra seed first, then the other nodes together (a node must
	 * reach a seed to join).
	 * @param timeout how long each node may take
	 * @param progress where progress lines go
	 */
	public void startMissing(Duration timeout, Consumer<String> progress) {
		List<CompletableFuture<Void>> starting = new ArrayList<>();
		for (KafkaServer broker : this.kafka) {
			if (broker.running().isEmpty()) {
				starting.add(CompletableFuture.runAsync(() -> {
					progress.accept("starting Kafka broker on " + broker.bootstrapServers() + " ...");
					broker.start(timeout);
					progress.accept("Kafka broker " + broker.bootstrapServers() + " ready");
				}));
			}
		}
		starting.add(CompletableFuture.runAsync(() -> {
			startCassandra(this.cassandra.get(0), timeout, progress);
			join(this.cassandra.subList(1, SIZE)
				.stream()
				.map((node) -> CompletableFuture.runAsync(() -> startCassandra(node, timeout, progress)))
				.toArray(CompletableFuture[]::new));
		}));
		join(starting.toArray(CompletableFuture[]::new));
	}

	private static void startCassandra(CassandraServer node, Duration timeout, Consumer<String> progress) {
		if (node.running().isEmpty()) {
			progress.accept("starting Cassandra node on " + node.contactPoint() + " ...");
			node.start(timeout);
			progress.accept("Cassandra node " + node.contactPoint() + " ready");
		}
	}

	/**
	 * Stops every node cleanly.
	 * @param grace how long each may take
	 */
	public void stop(Duration grace) {
		List<CompletableFuture<Void>> stopping = new ArrayList<>();
		for (LocalServer server : servers()) {
			stopping.add(CompletableFuture.runAsync(() -> server.stop(grace)));
		}
		join(stopping.toArray(CompletableFuture[]::new));
	}

	private List<LocalServer> servers() {
		List<LocalServer> servers = new ArrayList<>(this.kafka);
		servers.addAll(this.cassandra);
		return servers;
	}

	private static void join(CompletableFuture<?>... futures) {
		try {
			CompletableFuture.allOf(futures).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

}
