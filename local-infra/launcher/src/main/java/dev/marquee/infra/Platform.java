package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The whole local platform: Kafka, Cassandra and the four services, each a guarded child
 * process known by its pid file under {@code <home>/run}, with data under
 * {@code <home>/data} and logs under {@code <home>/logs}. In cluster mode Kafka and
 * Cassandra are 3-node clusters ({@link LocalCluster}) and the services run with RF 3,
 * LOCAL_QUORUM and {@code min.insync.replicas=2}; page construction may run as several
 * replicas.
 */
final class Platform {

	// A start that hangs is caught sooner: a process that exits fails its start at once.
	// At 1M elements page construction's near cache loads 20,000 pages before it is
	// ready, which took longer than the 4 minutes this was.
	static final Duration START_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * Nine JVMs start at once on a 2-core machine in cluster mode: a loaded machine
	 * measured 2-3 minutes for the infrastructure and as long again for the services.
	 */
	static final Duration CLUSTER_START_TIMEOUT = Duration.ofMinutes(10);

	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Path repo;

	private final Path home;

	private final Topology topology;

	private final List<Infrastructure> infrastructure;

	private final List<String> infrastructureArguments;

	private final Runnable startInfrastructure;

	private final List<Service> services;

	Platform(Path repo, Path home, long ownerPid) {
		this(repo, home, ownerPid, Topology.read(home));
	}

	Platform(Path repo, Path home, long ownerPid, Topology topology) {
		this.repo = repo;
		this.home = home;
		this.topology = topology;
		int kafkaPort = intEnv("MARQUEE_KAFKA_PORT", 9092);
		int controllerPort = intEnv("MARQUEE_KAFKA_CONTROLLER_PORT", 9093);
		int cassandraPort = intEnv("MARQUEE_CASSANDRA_PORT", 9042);
		int storagePort = intEnv("MARQUEE_CASSANDRA_STORAGE_PORT", 7000);
		if (topology.cluster()) {
			LocalCluster cluster = new LocalCluster(home.resolve("data/cluster"), cassandraPort, storagePort, kafkaPort,
					controllerPort, ownerPid);
			List<Infrastructure> nodes = new ArrayList<>();
			for (int i = 0; i < LocalCluster.SIZE; i++) {
				KafkaServer broker = cluster.kafka().get(i);
				nodes.add(new Infrastructure("kafka-" + (i + 1), broker, broker.settings().host(), kafkaPort,
						broker.serverLog()));
			}
			for (int i = 0; i < LocalCluster.SIZE; i++) {
				CassandraServer node = cluster.cassandra().get(i);
				nodes.add(new Infrastructure("cassandra-" + (i + 1), node, node.settings().host(), cassandraPort,
						node.systemLog()));
			}
			this.infrastructure = List.copyOf(nodes);
			this.infrastructureArguments = cluster.serviceArguments();
			this.startInfrastructure = () -> cluster.startMissing(CLUSTER_START_TIMEOUT, System.out::println);
		}
		else {
			KafkaServer kafka = new KafkaServer(new KafkaServer.Settings(home.resolve("data/kafka"), "127.0.0.1",
					kafkaPort, controllerPort, List.of("-Xms256m", "-Xmx512m"), ownerPid));
			CassandraServer cassandra = new CassandraServer(new CassandraServer.Settings(home.resolve("data/cassandra"),
					"127.0.0.1", cassandraPort, storagePort, List.of("-Xms256m", "-Xmx1g"), ownerPid));
			this.infrastructure = List.of(new Infrastructure("kafka", kafka, "127.0.0.1", kafkaPort, kafka.serverLog()),
					new Infrastructure("cassandra", cassandra, "127.0.0.1", cassandraPort, cassandra.systemLog()));
			this.infrastructureArguments = List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--spring.cassandra.contact-points=" + cassandra.contactPoint(),
					"--spring.cassandra.local-datacenter=" + CassandraServer.DATACENTER);
			this.startInfrastructure = () -> join(
					CompletableFuture.runAsync(() -> startAlone("Kafka", kafka, () -> kafka.start(START_TIMEOUT))),
					CompletableFuture
						.runAsync(() -> startAlone("Cassandra", cassandra, () -> cassandra.start(START_TIMEOUT))));
		}
		// hollow-producer first and ingestion third: the others are told their addresses
		// from this list.
		List<Service> services = new ArrayList<>(List.of(
				new Service("hollow-producer", "hollow-producer", intEnv("MARQUEE_HOLLOW_PRODUCER_PORT", 8083)),
				new Service("data-consumer", "data-consumer", intEnv("MARQUEE_DATA_CONSUMER_PORT", 8082)),
				new Service("ingestion-service", "ingestion-service", intEnv("MARQUEE_INGESTION_PORT", 8081)),
				new Service("page-construction", "page-construction", intEnv("MARQUEE_PAGE_CONSTRUCTION_PORT", 8080))));
		// Replicas 2..N on consecutive ports from MARQUEE_PAGE_REPLICA_PORT: 8081-8083
		// are the other services'.
		int replicaPort = intEnv("MARQUEE_PAGE_REPLICA_PORT", 8084);
		for (int replica = 2; replica <= topology.pageReplicas(); replica++) {
			services.add(new Service("page-construction-" + replica, "page-construction", replicaPort + replica - 2));
		}
		this.services = List.copyOf(services);
	}

	static Duration startTimeout(Topology topology) {
		return topology.cluster() ? CLUSTER_START_TIMEOUT : START_TIMEOUT;
	}

	private static void startAlone(String name, LocalServer server, Runnable start) {
		if (server.running().isEmpty()) {
			System.out.println("starting " + name + " ...");
			start.run();
			System.out.println(name + " ready");
		}
	}

	/**
	 * One Kafka broker or Cassandra node.
	 *
	 * @param name its name in {@code status}
	 * @param server the server
	 * @param host the address it listens on
	 * @param port its client port
	 * @param log its main log
	 */
	record Infrastructure(String name, LocalServer server, String host, int port, Path log) {

		String address() {
			return this.host + ":" + this.port;
		}

	}

	/**
	 * One Spring Boot service of the platform.
	 *
	 * @param name its name (pid file, log, data directory)
	 * @param module the module whose jar it runs (replicas of page construction share
	 * one)
	 * @param port its HTTP port
	 */
	record Service(String name, String module, int port) {

		String healthUrl() {
			return "http://127.0.0.1:" + this.port + "/actuator/health";
		}

	}

	/**
	 * The address the services listen on: {@code MARQUEE_BIND_ADDRESS}, else 127.0.0.1.
	 * @return the address
	 */
	static String bindAddress() {
		String configured = System.getenv("MARQUEE_BIND_ADDRESS");
		return (configured == null || configured.isBlank()) ? "127.0.0.1" : configured.strip();
	}

	private static int intEnv(String name, int fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.strip());
	}

	Path home() {
		return this.home;
	}

	Topology topology() {
		return this.topology;
	}

	List<Infrastructure> infrastructure() {
		return this.infrastructure;
	}

	List<Service> services() {
		return this.services;
	}

	Path pidFile(Service service) {
		return this.home.resolve("run/" + service.name() + ".pid");
	}

	Path log(Service service) {
		return this.home.resolve("logs/" + service.name() + ".log");
	}

	Path jar(Service service) {
		return this.repo.resolve(service.module() + "/target/" + service.module() + "-0.1.0-SNAPSHOT.jar");
	}

	Optional<ManagedProcess> running(Service service) {
		return ManagedProcess.fromPidFile(service.name(), pidFile(service));
	}

	/**
	 * Starts whatever is not running (infrastructure first, then the services) and waits
	 * until all are healthy.
	 * @param ownerPid the process whose death stops everything started here
	 * @param out where progress goes
	 */
	void startMissing(long ownerPid, java.io.PrintStream out) {
		this.startInfrastructure.run();
		for (Service service : this.services) {
			if (running(service).isEmpty()) {
				ManagedProcess process = startService(service, ownerPid);
				out.println(
						"starting " + service.name() + " on port " + service.port() + " (pid " + process.pid() + ")");
			}
		}
		// Every service must report UP, also one that was already running: it may still
		// be recovering (e.g.
		// reconnecting to a restarted Cassandra).
		List<CompletableFuture<Void>> healthy = new ArrayList<>();
		for (Service service : this.services) {
			ManagedProcess process = running(service).orElseThrow(() -> new IllegalStateException(
					service.name() + " failed: the process exited; see " + log(service)));
			healthy.add(CompletableFuture.runAsync(() -> {
				Readiness.await(service.name(), startTimeout(this.topology), process,
						() -> "UP".equals(Readiness.health(service.healthUrl())), log(service));
				out.println(service.name() + " UP");
			}));
		}
		join(healthy.toArray(CompletableFuture[]::new));
	}

	private static void join(CompletableFuture<?>... futures) {
		try {
			CompletableFuture.allOf(futures).join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	private ManagedProcess startService(Service service, long ownerPid) {
		Path jar = jar(service);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
		}
		try {
			Files.createDirectories(this.home.resolve("data/" + service.name()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>();
		command.add(Java.executable());
		command.add("-Xms128m");
		command.add("-Xmx" + (service.module().equals("page-construction") ? "1g" : "512m"));
		command.add("-XX:+ExitOnOutOfMemoryError");
		// The service jar first: Spring Boot's JarLauncher finds its archive from where
		// its own class was loaded.
		command.add("-cp");
		command.add(jar + java.io.File.pathSeparator + ServerClasspath.launcherLocation());
		command.add(OrphanGuard.class.getName());
		command.add(Long.toString(ownerPid));
		command.add("org.springframework.boot.loader.launch.JarLauncher");
		command.add("--server.port=" + service.port());
		// A local platform is for this machine: loopback unless the operator says
		// otherwise (containers bind
		// every interface through the services' own defaults).
		command.add("--server.address=" + bindAddress());
		command.add("--logging.file.name=" + log(service));
		command.addAll(this.infrastructureArguments);
		if (!service.name().equals(service.module())) {
			// A replica keeps its own state (its Hollow blob staging): two processes must
			// not share one directory.
			command.add("--marquee.home=" + this.home.resolve("replicas/" + service.name()));
		}
		String hollowProducer = "http://127.0.0.1:" + this.services.get(0).port();
		String ingestion = "http://127.0.0.1:" + this.services.get(2).port();
		Map<String, String> environment = Map.of("MARQUEE_HOME", this.home.toString(), "MARQUEE_HOLLOW_PRODUCER_URL",
				hollowProducer, "MARQUEE_DEMO_INGESTION_URL", ingestion);
		return ManagedProcess.start(service.name(), command, this.repo, environment,
				this.home.resolve("logs/" + service.name() + ".out"), pidFile(service));
	}

	/** Stops the services, then the infrastructure, each cleanly. */
	void stopAll(java.io.PrintStream out) {
		List<CompletableFuture<Void>> stopping = new ArrayList<>();
		for (Service service : this.services) {
			running(service).ifPresent((process) -> stopping.add(CompletableFuture.runAsync(() -> {
				out.println("stopping " + service.name() + " (pid " + process.pid() + ")");
				process.stop(STOP_GRACE);
			})));
		}
		join(stopping.toArray(CompletableFuture[]::new));
		List<CompletableFuture<Void>> infrastructure = new ArrayList<>();
		for (Infrastructure node : this.infrastructure) {
			node.server().running().ifPresent((process) -> infrastructure.add(CompletableFuture.runAsync(() -> {
				out.println("stopping " + node.name() + " (pid " + process.pid() + ")");
				process.stop(STOP_GRACE);
			})));
		}
		join(infrastructure.toArray(CompletableFuture[]::new));
	}

}
