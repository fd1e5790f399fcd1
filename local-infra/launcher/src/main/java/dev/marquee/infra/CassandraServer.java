package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Apache Cassandra 5.0 node in its own JVM, with its data, config and logs under
 * one directory. Restarting it on the same directory keeps its data.
 */
public final class CassandraServer extends LocalServer {

	/** The data center name of a node with the simple snitch. */
	public static final String DATACENTER = "datacenter1";

	private final Settings settings;

	public CassandraServer(Settings settings) {
		super("Cassandra", settings.home());
		this.settings = settings;
	}

	/**
	 * Where and how the node runs.
	 *
	 * @param home its directory: {@code conf/}, {@code data/}, {@code commitlog/},
	 * {@code logs/}, {@code cassandra.pid}
	 * @param host the address it listens on (loopback)
	 * @param nativePort the CQL port
	 * @param storagePort the inter-node port (unused by one node, but it binds it)
	 * @param heap heap options; keep -Xms small: Cassandra mlockall()s its heap at start
	 * @param ownerPid the process whose death stops the node
	 * @param ring the node's place in its cluster: the seed it gossips with first and its
	 * token
	 */
	public record Settings(Path home, String host, int nativePort, int storagePort, List<String> heap, long ownerPid,
			Ring ring) {

		/** A node alone: its own seed, the whole token range. */
		public Settings(Path home, String host, int nativePort, int storagePort, List<String> heap, long ownerPid) {
			this(home, host, nativePort, storagePort, heap, ownerPid, Ring.alone(host, storagePort));
		}

		public static Settings defaults(Path home, long ownerPid) {
			return new Settings(home, "127.0.0.1", 9042, 7000, List.of("-Xms256m", "-Xmx1g"), ownerPid);
		}

		/**
		 * Node {@code index} of a local cluster of {@code size}: on
		 * {@code 127.0.0.<index + 1>} (Linux routes all of 127/8 to the loopback
		 * interface, so every node keeps the same ports), the first node is the seed,
		 * tokens evenly spaced.
		 * @param home the node's directory
		 * @param index 0 for the seed
		 * @param size nodes in the cluster
		 * @param nativePort the CQL port of every node
		 * @param storagePort the inter-node port of every node
		 * @param heap heap options
		 * @param ownerPid the process whose death stops the node
		 * @return the node's settings
		 */
		public static Settings clusterNode(Path home, int index, int size, int nativePort, int storagePort,
				List<String> heap, long ownerPid) {
			return new Settings(home, clusterHost(index), nativePort, storagePort, heap, ownerPid,
					new Ring(clusterHost(0) + ":" + storagePort, evenToken(index, size),
							(index == 0) ? Duration.ofMillis(100) : JOIN_RING_DELAY));
		}

	}

	/**
	 * A node's place in its cluster. Every node is given its token up front and joins
	 * without bootstrap streaming: a new local cluster has no data to stream, and nodes
	 * that start together could not bootstrap at once.
	 *
	 * @param seeds the seed list, {@code host:storagePort}
	 * @param initialToken the node's one token (Murmur3)
	 * @param ringDelay how long a node waits for a seed's first gossip answer: a node
	 * alone (or the seed) waits for nobody; a joining node must hear from the seed within
	 * it or fails with "Unable to gossip with any peers", which on a busy 2-core machine
	 * took over a second
	 */
	public record Ring(String seeds, String initialToken, Duration ringDelay) {

		static Ring alone(String host, int storagePort) {
			return new Ring(host + ":" + storagePort, "0", Duration.ofMillis(100));
		}

	}

	/**
	 * A joining node's ring delay: an upper bound only; the node goes on as soon as the
	 * seed answered.
	 */
	static final Duration JOIN_RING_DELAY = Duration.ofSeconds(30);

	/**
	 * @param index 0-based node index
	 * @return the loopback address of a local cluster's node
	 */
	public static String clusterHost(int index) {
		return "127.0.0." + (index + 1);
	}

	static String evenToken(int index, int size) {
		java.math.BigInteger range = java.math.BigInteger.TWO.pow(64);
		return java.math.BigInteger.valueOf(Long.MIN_VALUE)
			.add(range.multiply(java.math.BigInteger.valueOf(index)).divide(java.math.BigInteger.valueOf(size)))
			.toString();
	}

	public String contactPoint() {
		return this.settings.host() + ":" + this.settings.nativePort();
	}

	public Path systemLog() {
		return this.settings.home().resolve("logs/system.log");
	}

	public Path outputLog() {
		return this.settings.home().resolve("logs/cassandra.out");
	}

	/**
	 * Writes the configuration, starts the node and waits until it accepts CQL
	 * connections.
	 * @param timeout how long to wait
	 */
	public void start(Duration timeout) {
		checkCanStart(this.settings.host(), this.settings.nativePort(), this.settings.storagePort());
		Path conf = this.settings.home().resolve("conf");
		try {
			Files.createDirectories(conf);
			Files.createDirectories(this.settings.home().resolve("logs"));
			Files.writeString(conf.resolve("cassandra.yaml"), yaml());
			Files.writeString(conf.resolve("logback.xml"), logback());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Path> serverClasspath = ServerClasspath.of("cassandra");
		Path jamm = serverClasspath.stream()
			.filter((path) -> path.getFileName().toString().startsWith("jamm-"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("jamm is missing from the Cassandra classpath"));
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.addAll(this.settings.heap());
		command.addAll(ServerClasspath.jvmOptions("cassandra-jvm17.options"));
		command.add("-javaagent:" + jamm);
		command.add("-Dcassandra.config=" + conf.resolve("cassandra.yaml").toUri());
		command.add("-Dcassandra.storagedir=" + this.settings.home());
		command.add("-Dlogback.configurationFile=" + conf.resolve("logback.xml"));
		command.add("-Dcassandra.logdir=" + this.settings.home().resolve("logs"));
		command.add("-Dcassandra-foreground=yes");
		// Local nodes have their tokens up front and nothing to stream: skip the gossip
		// settle and ring delays
		// (about 30 s each node).
		command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
		command.add("-Dcassandra.ring_delay_ms=" + this.settings.ring().ringDelay().toMillis());
		command.add("-cp");
		command.add(ServerClasspath
			.join(ServerClasspath.concat(List.of(ServerClasspath.launcherLocation()), serverClasspath)));
		command.add(OrphanGuard.class.getName());
		command.add(Long.toString(this.settings.ownerPid()));
		command.add("org.apache.cassandra.service.CassandraDaemon");
		ManagedProcess node = launch(command, outputLog());
		Readiness.await("Cassandra on " + contactPoint(), timeout, node,
				() -> Readiness.portOpen(this.settings.host(), this.settings.nativePort()), systemLog());
	}

	private String yaml() {
		Path home = this.settings.home();
		return """
				# Written by Marquee's launcher on every start; edit CassandraServer.Settings instead.
				cluster_name: marquee
				num_tokens: 1
				partitioner: org.apache.cassandra.dht.Murmur3Partitioner
				commitlog_sync: periodic
				commitlog_sync_period: 10000ms
				seed_provider:
				  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
				    parameters:
				      - seeds: "%5$s"
				initial_token: %6$s
				auto_bootstrap: false
				listen_address: %1$s
				rpc_address: %1$s
				storage_port: %3$d
				native_transport_port: %2$d
				start_native_transport: true
				endpoint_snitch: SimpleSnitch
				data_file_directories:
				  - %4$s/data
				commitlog_directory: %4$s/commitlog
				saved_caches_directory: %4$s/saved_caches
				hints_directory: %4$s/hints
				cdc_raw_directory: %4$s/cdc_raw
				concurrent_compactors: 1
				memtable_heap_space: 128MiB
				memtable_offheap_space: 128MiB
				key_cache_size: 8MiB
				""".formatted(this.settings.host(), this.settings.nativePort(), this.settings.storagePort(), home,
				this.settings.ring().seeds(), this.settings.ring().initialToken());
	}

	private static String logback() {
		return """
				<configuration scan="false">
				  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
				    <file>${cassandra.logdir}/system.log</file>
				    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
				  </appender>
				  <root level="INFO"><appender-ref ref="FILE"/></root>
				</configuration>
				""";
	}

	public Settings settings() {
		return this.settings;
	}

}
