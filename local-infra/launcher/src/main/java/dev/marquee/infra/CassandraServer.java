package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Apache Cassandra 5.0 node in its own JVM, with its data, config and logs under one directory. Restarting
 * it on the same directory keeps its data.
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
	 * @param home its directory: {@code conf/}, {@code data/}, {@code commitlog/}, {@code logs/}, {@code cassandra.pid}
	 * @param host the address it listens on (loopback)
	 * @param nativePort the CQL port
	 * @param storagePort the inter-node port (unused by one node, but it binds it)
	 * @param heap heap options; keep -Xms small: Cassandra mlockall()s its heap at start
	 * @param ownerPid the process whose death stops the node
	 */
	public record Settings(Path home, String host, int nativePort, int storagePort, List<String> heap,
			long ownerPid) {

		public static Settings defaults(Path home, long ownerPid) {
			return new Settings(home, "127.0.0.1", 9042, 7000, List.of("-Xms256m", "-Xmx1g"), ownerPid);
		}

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
	 * Writes the configuration, starts the node and waits until it accepts CQL connections.
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
		// A single local node has no ring to wait for: skip the gossip settle and ring delays (about 30 s).
		command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
		command.add("-Dcassandra.ring_delay_ms=100");
		command.add("-Dcassandra.initial_token=0");
		command.add("-cp");
		command.add(ServerClasspath.join(ServerClasspath.concat(List.of(ServerClasspath.launcherLocation()),
				serverClasspath)));
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
				      - seeds: "%1$s:%3$d"
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
				""".formatted(this.settings.host(), this.settings.nativePort(), this.settings.storagePort(), home);
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
