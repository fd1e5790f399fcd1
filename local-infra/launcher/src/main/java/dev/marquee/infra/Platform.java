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
 * The whole local platform: Kafka, Cassandra and the four services, each a guarded child process known by its pid
 * file under {@code <home>/run}, with data under {@code <home>/data} and logs under {@code <home>/logs}.
 */
final class Platform {

	static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Path repo;

	private final Path home;

	private final KafkaServer kafka;

	private final CassandraServer cassandra;

	private final List<Service> services;

	Platform(Path repo, Path home, long ownerPid) {
		this.repo = repo;
		this.home = home;
		this.kafka = new KafkaServer(new KafkaServer.Settings(home.resolve("data/kafka"), "127.0.0.1",
				intEnv("MARQUEE_KAFKA_PORT", 9092), intEnv("MARQUEE_KAFKA_CONTROLLER_PORT", 9093),
				List.of("-Xms256m", "-Xmx512m"), ownerPid));
		this.cassandra = new CassandraServer(new CassandraServer.Settings(home.resolve("data/cassandra"),
				"127.0.0.1", intEnv("MARQUEE_CASSANDRA_PORT", 9042), intEnv("MARQUEE_CASSANDRA_STORAGE_PORT", 7000),
				List.of("-Xms256m", "-Xmx1g"), ownerPid));
		// hollow-producer first and ingestion third: the others are told their addresses from this list.
		this.services = List.of(new Service("hollow-producer", intEnv("MARQUEE_HOLLOW_PRODUCER_PORT", 8083)),
				new Service("data-consumer", intEnv("MARQUEE_DATA_CONSUMER_PORT", 8082)),
				new Service("ingestion-service", intEnv("MARQUEE_INGESTION_PORT", 8081)),
				new Service("page-construction", intEnv("MARQUEE_PAGE_CONSTRUCTION_PORT", 8080)));
	}

	/** One Spring Boot service of the platform. */
	record Service(String name, int port) {

		String healthUrl() {
			return "http://127.0.0.1:" + this.port + "/actuator/health";
		}

	}

	private static int intEnv(String name, int fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.strip());
	}

	Path home() {
		return this.home;
	}

	KafkaServer kafka() {
		return this.kafka;
	}

	CassandraServer cassandra() {
		return this.cassandra;
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
		return this.repo.resolve(service.name() + "/target/" + service.name() + "-0.1.0-SNAPSHOT.jar");
	}

	Optional<ManagedProcess> running(Service service) {
		return ManagedProcess.fromPidFile(service.name(), pidFile(service));
	}

	/**
	 * Starts whatever is not running (infrastructure first, then the services) and waits until all are healthy.
	 * @param ownerPid the process whose death stops everything started here
	 * @param out where progress goes
	 */
	void startMissing(long ownerPid, java.io.PrintStream out) {
		CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(() -> {
			if (this.kafka.running().isEmpty()) {
				out.println("starting Kafka on " + this.kafka.bootstrapServers() + " ...");
				this.kafka.start(START_TIMEOUT);
				out.println("Kafka ready");
			}
		});
		CompletableFuture<Void> cassandraStarted = CompletableFuture.runAsync(() -> {
			if (this.cassandra.running().isEmpty()) {
				out.println("starting Cassandra on " + this.cassandra.contactPoint() + " ...");
				this.cassandra.start(START_TIMEOUT);
				out.println("Cassandra ready");
			}
		});
		join(kafkaStarted, cassandraStarted);
		for (Service service : this.services) {
			if (running(service).isEmpty()) {
				ManagedProcess process = startService(service, ownerPid);
				out.println("starting " + service.name() + " on port " + service.port() + " (pid " + process.pid() + ")");
			}
		}
		// Every service must report UP, also one that was already running: it may still be recovering (e.g.
		// reconnecting to a restarted Cassandra).
		List<CompletableFuture<Void>> healthy = new ArrayList<>();
		for (Service service : this.services) {
			ManagedProcess process = running(service).orElseThrow(() -> new IllegalStateException(
					service.name() + " failed: the process exited; see " + log(service)));
			healthy.add(CompletableFuture.runAsync(() -> {
				Readiness.await(service.name(), START_TIMEOUT, process,
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
		command.add("-Xmx" + (service.name().equals("page-construction") ? "1g" : "512m"));
		command.add("-XX:+ExitOnOutOfMemoryError");
		// The service jar first: Spring Boot's JarLauncher finds its archive from where its own class was loaded.
		command.add("-cp");
		command.add(jar + java.io.File.pathSeparator + ServerClasspath.launcherLocation());
		command.add(OrphanGuard.class.getName());
		command.add(Long.toString(ownerPid));
		command.add("org.springframework.boot.loader.launch.JarLauncher");
		command.add("--server.port=" + service.port());
		command.add("--logging.file.name=" + log(service));
		command.add("--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers());
		command.add("--spring.cassandra.contact-points=" + this.cassandra.contactPoint());
		command.add("--spring.cassandra.local-datacenter=" + CassandraServer.DATACENTER);
		String hollowProducer = "http://127.0.0.1:" + this.services.get(0).port();
		String ingestion = "http://127.0.0.1:" + this.services.get(2).port();
		Map<String, String> environment = Map.of("MARQUEE_HOME", this.home.toString(), "MARQUEE_HOLLOW_URL",
				hollowProducer, "MARQUEE_HOLLOW_PRODUCER_URL", hollowProducer, "MARQUEE_DEMO_INGESTION_URL", ingestion);
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
		join(CompletableFuture.runAsync(() -> this.kafka.running().ifPresent((process) -> {
			out.println("stopping Kafka (pid " + process.pid() + ")");
			process.stop(STOP_GRACE);
		})), CompletableFuture.runAsync(() -> this.cassandra.running().ifPresent((process) -> {
			out.println("stopping Cassandra (pid " + process.pid() + ")");
			process.stop(STOP_GRACE);
		})));
	}

}
