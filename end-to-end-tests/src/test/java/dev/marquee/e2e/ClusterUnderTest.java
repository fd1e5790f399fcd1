package dev.marquee.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.marquee.infra.CassandraServer;
import dev.marquee.infra.LocalCluster;
import dev.marquee.infra.ManagedProcess;
import dev.marquee.infra.OrphanGuard;
import dev.marquee.infra.Readiness;

/**
 * The platform in cluster mode, as {@code ./marquee up --cluster --page-replicas 2} runs
 * it: 3 Cassandra nodes and 3 Kafka brokers on 127.0.0.1-3 ({@link LocalCluster}), the
 * four services as separate JVMs configured for RF 3, LOCAL_QUORUM and
 * {@code min.insync.replicas=2}, and two page-construction replicas. Everything on free
 * ports, every process watching this JVM. Closing it stops every process and deletes the
 * nodes' data (about 70 MB); every log stays in {@link #home()} for a failed run.
 */
final class ClusterUnderTest implements AutoCloseable {

	static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	/** The services, in start order; page construction twice. */
	static final List<String> SERVICES = List.of("hollow-producer", "data-consumer", "ingestion-service",
			"page-construction-1", "page-construction-2");

	private final Path repo = Path.of("..").toAbsolutePath().normalize();

	private final Path home;

	private final LocalCluster cluster;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

	ClusterUnderTest() {
		try {
			this.home = Files.createTempDirectory("marquee-cluster-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.cluster = new LocalCluster(this.home.resolve("data"), freeOnEveryNode(), freeOnEveryNode(),
				freeOnEveryNode(), freeOnEveryNode(), ProcessHandle.current().pid());
		for (String service : SERVICES) {
			this.ports.put(service, Readiness.freePort());
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "marquee-cluster-shutdown"));
	}

	/**
	 * A port free on 127.0.0.1, 127.0.0.2 and 127.0.0.3: every node of a local cluster
	 * binds the same one.
	 */
	private static int freeOnEveryNode() {
		while (true) {
			int port = Readiness.freePort();
			boolean free = true;
			for (int node = 0; node < LocalCluster.SIZE; node++) {
				free &= !Readiness.portOpen(CassandraServer.clusterHost(node), port);
			}
			if (free) {
				return port;
			}
		}
	}

	/** Starts the clusters, then every service, and waits until all are healthy. */
	void start() {
		this.cluster.startMissing(START_TIMEOUT, (line) -> System.out.println("[cluster] " + line));
		for (String service : SERVICES) {
			startService(service);
		}
		CompletableFuture
			.allOf(SERVICES.stream()
				.map((service) -> CompletableFuture.runAsync(() -> awaitHealthy(service)))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	LocalCluster cluster() {
		return this.cluster;
	}

	String url(String service) {
		return "http://127.0.0.1:" + this.ports.get(service);
	}

	Path home() {
		return this.home;
	}

	void startService(String service) {
		ManagedProcess running = this.processes.get(service);
		if (running != null && running.isAlive()) {
			return;
		}
		String module = service.startsWith("page-construction") ? "page-construction" : service;
		Path jar = this.repo.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests through the reactor (./mvnw verify)");
		}
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx512m",
				"-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp",
				jar + java.io.File.pathSeparator + launcherLocation(), OrphanGuard.class.getName(),
				Long.toString(ProcessHandle.current().pid()), "org.springframework.boot.loader.launch.JarLauncher",
				"--server.port=" + this.ports.get(service), "--logging.file.name=" + log(service)));
		command.addAll(this.cluster.serviceArguments());
		if (module.equals("page-construction")) {
			// Each replica its own state directory; a short near-cache cycle and
			// read-path poll keep the test short.
			command.add("--marquee.home=" + this.home.resolve("replicas/" + service));
			command.add("--marquee.near-cache.refresh-interval=2s");
			command.add("--marquee.read-path.sharing.poll=500ms");
		}
		Map<String, String> environment = Map.of("MARQUEE_HOME", this.home.toString(), "MARQUEE_HOLLOW_PRODUCER_URL",
				url("hollow-producer"));
		this.processes.put(service, ManagedProcess.start(service, command, this.repo, environment,
				this.home.resolve("logs/" + service + ".out"), this.home.resolve("run/" + service + ".pid")));
	}

	Path log(String service) {
		return this.home.resolve("logs/" + service + ".log");
	}

	void awaitHealthy(String service) {
		String health = url(service) + "/actuator/health";
		Readiness.await(service, START_TIMEOUT, this.processes.get(service),
				() -> "UP".equals(Readiness.health(health)), this.home.resolve("logs/" + service + ".out"));
	}

	/** Kills a service with SIGKILL, as a crash would. */
	void killService(String service) {
		this.processes.get(service).kill();
	}

	void restartService(String service) {
		startService(service);
		awaitHealthy(service);
	}

	@Override
	public void close() {
		stopAll();
		deleteData();
	}

	private void deleteData() {
		Path data = this.home.resolve("data");
		if (!Files.isDirectory(data)) {
			return;
		}
		// every node's own logs (Cassandra's system.log, Kafka's server.log) are kept: a
		// failed start names them
		try (java.util.stream.Stream<Path> paths = Files.walk(data)) {
			paths.sorted(java.util.Comparator.reverseOrder())
				.filter((path) -> java.util.stream.StreamSupport.stream(data.relativize(path).spliterator(), false)
					.noneMatch((name) -> name.toString().equals("logs")))
				.forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("could not delete " + data + ": " + ex);
		}
	}

	private void stopAll() {
		List<String> reverse = new ArrayList<>(SERVICES);
		java.util.Collections.reverse(reverse);
		for (String service : reverse) {
			ManagedProcess process = this.processes.get(service);
			if (process != null) {
				process.stop(Duration.ofSeconds(20));
			}
		}
		this.cluster.stop(Duration.ofSeconds(30));
	}

	private static Path launcherLocation() {
		try {
			return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
