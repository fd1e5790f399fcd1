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
 * The four services as separate JVMs, started from their packaged jars exactly as {@code ./marquee up} starts them,
 * on free ports, against the test JVM's real Kafka and Cassandra. One per test JVM; every process watches this JVM
 * and exits if it dies.
 */
final class PlatformUnderTest {

	static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static PlatformUnderTest shared;

	private final Path repo = Path.of("..").toAbsolutePath().normalize();

	private final Path home;

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private final Map<Service, ManagedProcess> processes = new EnumMap<>(Service.class);

	/** The platform's services, in start order. */
	enum Service {

		HOLLOW_PRODUCER("hollow-producer"), DATA_CONSUMER("data-consumer"), INGESTION("ingestion-service"),
		PAGE_CONSTRUCTION("page-construction");

		final String module;

		Service(String module) {
			this.module = module;
		}

	}

	private PlatformUnderTest() {
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
			PlatformUnderTest platform = new PlatformUnderTest();
			RealInfrastructure.kafkaBootstrapServers();
			RealInfrastructure.cassandraContactPoint();
			for (Service service : Service.values()) {
				platform.start(service);
			}
			for (Service service : Service.values()) {
				platform.awaitHealthy(service);
			}
			shared = platform;
		}
		return shared;
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
		Path jar = this.repo.resolve(service.module + "/target/" + service.module + "-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests through the reactor (./mvnw verify)");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp",
				jar + java.io.File.pathSeparator + launcherLocation(), OrphanGuard.class.getName(),
				Long.toString(ProcessHandle.current().pid()), "org.springframework.boot.loader.launch.JarLauncher",
				"--server.port=" + this.ports.get(service),
				"--logging.file.name=" + log(service),
				"--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers(),
				"--spring.cassandra.contact-points=" + RealInfrastructure.cassandraContactPoint(),
				"--spring.cassandra.local-datacenter=" + RealInfrastructure.CASSANDRA_DATACENTER));
		if (service == Service.PAGE_CONSTRUCTION) {
			// A short near-cache cycle keeps the eventually consistent path's tests short; the default is Tudum's 30 s.
			command.add("--marquee.near-cache.refresh-interval=2s");
		}
		Map<String, String> environment = Map.of("MARQUEE_HOME", this.home.toString(), "MARQUEE_HOLLOW_URL",
				url(Service.HOLLOW_PRODUCER), "MARQUEE_HOLLOW_PRODUCER_URL", url(Service.HOLLOW_PRODUCER));
		this.processes.put(service, ManagedProcess.start(service.module, command, this.repo, environment,
				this.home.resolve("logs/" + service.module + ".out"), this.home.resolve("run/" + service.module + ".pid")));
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

	private void stopAll() {
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
