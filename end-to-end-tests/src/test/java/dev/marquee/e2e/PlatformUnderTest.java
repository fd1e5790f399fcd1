package dev.marquee.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.marquee.infra.ManagedProcess;
import dev.marquee.infra.OrphanGuard;
import dev.marquee.infra.Readiness;
import dev.marquee.testsupport.RealInfrastructure;

/**
 * The four services as separate JVMs, started from their packaged jars exactly as
 * {@code ./marquee up} starts them, on free ports, against the test JVM's real Kafka and
 * Cassandra. One is shared by the test JVM; a test that needs other settings (or more
 * page-construction replicas) starts its own with {@link #dedicated} and closes it. Every
 * process watches this JVM and exits if it dies.
 */
final class PlatformUnderTest implements AutoCloseable {

	static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static PlatformUnderTest shared;

	private final Path repo = Path.of("..").toAbsolutePath().normalize();

	private final Path home;

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private final Map<Service, ManagedProcess> processes = new EnumMap<>(Service.class);

	private final Map<Service, List<String>> arguments;

	private final List<Replica> replicas = new ArrayList<>();

	/** The platform's services, in start order. */
	enum Service {

		HOLLOW_PRODUCER("hollow-producer"), DATA_CONSUMER("data-consumer"), INGESTION("ingestion-service"),
		PAGE_CONSTRUCTION("page-construction");

		final String module;

		Service(String module) {
			this.module = module;
		}

	}

	private PlatformUnderTest(Map<Service, List<String>> arguments) {
		this.arguments = Map.copyOf(arguments);
		try {
			this.home = Files.createTempDirectory("marquee-e2e-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Service service : Service.values()) {
			this.ports.put(service, Readiness.freePort());
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "marquee-e2e-shutdown"));
	}

	/**
	 * The platform shared by this JVM's tests, started and healthy.
	 * @return the platform
	 */
	static synchronized PlatformUnderTest shared() {
		if (shared == null) {
			shared = dedicated(Map.of());
		}
		return shared;
	}

	/**
	 * Stops the shared platform and the shared Kafka and Cassandra, if they were started,
	 * so that a class running its own servers (the cluster) has the machine's cores to
	 * itself. A later {@link #shared()} would start them again.
	 */
	static synchronized void releaseShared() {
		if (shared == null) {
			return;
		}
		shared.close();
		shared = null;
		RealInfrastructure.stopKafka();
		RealInfrastructure.stopCassandra();
	}

	/**
	 * A platform of its own (own data directory and ports) on the shared Kafka and
	 * Cassandra, started and healthy.
	 * @param arguments extra command-line arguments per service, e.g. a long Hollow cycle
	 * interval
	 * @return the platform; close it to stop its processes
	 */
	static PlatformUnderTest dedicated(Map<Service, List<String>> arguments) {
		PlatformUnderTest platform = new PlatformUnderTest(arguments);
		RealInfrastructure.kafkaBootstrapServers();
		RealInfrastructure.cassandraContactPoint();
		for (Service service : Service.values()) {
			platform.start(service);
		}
		for (Service service : Service.values()) {
			platform.awaitHealthy(service);
		}
		return platform;
	}

	/**
	 * Starts one more page-construction instance on its own port and data directory,
	 * following the same hollow-producer and Cassandra, and waits until it is healthy.
	 * @return its base URL
	 */
	String startPageReplica() {
		int number = this.replicas.size() + 2;
		String name = Service.PAGE_CONSTRUCTION.module + "-" + number;
		int port = Readiness.freePort();
		Path replicaHome = this.home.resolve("replica-" + number);
		List<String> command = command(Service.PAGE_CONSTRUCTION, port, replicaHome.resolve("logs/" + name + ".log"));
		// Its own data directory (Hollow blob staging, the persisted read-path choice),
		// as on another host.
		ManagedProcess process = ManagedProcess.start(name, command, this.repo, environment(replicaHome),
				replicaHome.resolve("logs/" + name + ".out"), replicaHome.resolve("run/" + name + ".pid"));
		Replica replica = new Replica(name, port, process);
		this.replicas.add(replica);
		Readiness.await(name, START_TIMEOUT, process,
				() -> "UP".equals(Readiness.health(replica.url() + "/actuator/health")),
				replicaHome.resolve("logs/" + name + ".out"));
		return replica.url();
	}

	private record Replica(String name, int port, ManagedProcess process) {

		String url() {
			return "http://127.0.0.1:" + this.port;
		}

	}

	String url(Service service) {
		return "http://127.0.0.1:" + this.ports.get(service);
	}

	Path home() {
		return this.home;
	}

	Path log(Service service) {
		return this.home.resolve("logs/" + service.module + ".log");
	}

	void start(Service service) {
		ManagedProcess running = this.processes.get(service);
		if (running != null && running.isAlive()) {
			return;
		}
		List<String> command = command(service, this.ports.get(service), log(service));
		this.processes.put(service,
				ManagedProcess.start(service.module, command, this.repo, environment(this.home),
						this.home.resolve("logs/" + service.module + ".out"),
						this.home.resolve("run/" + service.module + ".pid")));
	}

	private List<String> command(Service service, int port, Path log) {
		Path jar = this.repo.resolve(service.module + "/target/" + service.module + "-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests through the reactor (./mvnw verify)");
		}
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx512m",
				"-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp",
				jar + java.io.File.pathSeparator + launcherLocation(), OrphanGuard.class.getName(),
				Long.toString(ProcessHandle.current().pid()), "org.springframework.boot.loader.launch.JarLauncher",
				"--server.port=" + port, "--logging.file.name=" + log,
				"--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers(),
				"--spring.cassandra.contact-points=" + RealInfrastructure.cassandraContactPoint(),
				"--spring.cassandra.local-datacenter=" + RealInfrastructure.CASSANDRA_DATACENTER));
		if (service == Service.PAGE_CONSTRUCTION) {
			// A short near-cache cycle keeps the eventually consistent path's tests
			// short; the default is Tudum's 30 s.
			command.add("--marquee.near-cache.refresh-interval=2s");
		}
		command.addAll(this.arguments.getOrDefault(service, List.of()));
		return command;
	}

	private Map<String, String> environment(Path home) {
		return Map.of("MARQUEE_HOME", home.toString(), "MARQUEE_HOLLOW_PRODUCER_URL", url(Service.HOLLOW_PRODUCER));
	}

	void awaitHealthy(Service service) {
		String health = url(service) + "/actuator/health";
		Readiness.await(service.module, START_TIMEOUT, this.processes.get(service),
				() -> "UP".equals(Readiness.health(health)), this.home.resolve("logs/" + service.module + ".out"));
	}

	/** Kills a service with SIGKILL, as a crash would. */
	void kill(Service service) {
		ManagedProcess process = this.processes.get(service);
		if (process != null) {
			process.kill();
		}
	}

	/** Starts a killed service again and waits until it is healthy. */
	void restart(Service service) {
		start(service);
		awaitHealthy(service);
	}

	boolean isRunning(Service service) {
		ManagedProcess process = this.processes.get(service);
		return process != null && process.isAlive();
	}

	@Override
	public void close() {
		stopAll();
	}

	private void stopAll() {
		for (Replica replica : this.replicas) {
			replica.process().stop(Duration.ofSeconds(20));
		}
		List<Service> reverse = new ArrayList<>(List.of(Service.values()));
		java.util.Collections.reverse(reverse);
		for (Service service : reverse) {
			ManagedProcess process = this.processes.get(service);
			if (process != null) {
				process.stop(Duration.ofSeconds(20));
			}
		}
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
