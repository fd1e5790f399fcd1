package dev.marquee.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Kafka broker and a real Cassandra node for integration tests, started at most
 * once per test JVM and shared by every test class in it: Testcontainers when a Docker
 * engine is reachable, otherwise the project's own local servers (module
 * {@code local-infra}) on free loopback ports with data in a temporary directory. Both
 * are stopped when the test JVM exits, and stop by themselves if it is killed.
 *
 * <p>
 * {@code -Dmarquee.test.infrastructure=local|containers|auto} (default {@code auto})
 * chooses explicitly.
 *
 * <pre>{@code
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     RealInfrastructure.registerKafka(registry);
 *     RealInfrastructure.registerCassandra(registry);
 * }
 * }</pre>
 */
public final class RealInfrastructure {

	/** Cassandra's data center name, for {@code spring.cassandra.local-datacenter}. */
	public static final String CASSANDRA_DATACENTER = "datacenter1";

	private static volatile Infrastructure infrastructure;

	private RealInfrastructure() {
	}

	static Infrastructure infrastructure() {
		Infrastructure current = infrastructure;
		if (current == null) {
			synchronized (RealInfrastructure.class) {
				current = infrastructure;
				if (current == null) {
					current = Infrastructure.choose(System.getProperty("marquee.test.infrastructure", "auto"));
					infrastructure = current;
				}
			}
		}
		return current;
	}

	/**
	 * The shared Kafka broker, started on first use.
	 * @return {@code host:port} of the broker's PLAINTEXT listener
	 */
	public static String kafkaBootstrapServers() {
		return infrastructure().kafkaBootstrapServers();
	}

	/**
	 * The shared Cassandra node, started on first use.
	 * @return {@code host:port} of its CQL native transport
	 */
	public static String cassandraContactPoint() {
		return infrastructure().cassandraContactPoint();
	}

	/**
	 * Sets {@code spring.kafka.bootstrap-servers}.
	 * @param registry the test's registry
	 */
	public static void registerKafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", RealInfrastructure::kafkaBootstrapServers);
	}

	/**
	 * Sets {@code spring.cassandra.contact-points} and
	 * {@code spring.cassandra.local-datacenter}.
	 * @param registry the test's registry
	 */
	public static void registerCassandra(DynamicPropertyRegistry registry) {
		registry.add("spring.cassandra.contact-points", RealInfrastructure::cassandraContactPoint);
		registry.add("spring.cassandra.local-datacenter", () -> CASSANDRA_DATACENTER);
	}

	/**
	 * Makes the Cassandra node unavailable for fault-injection tests, keeping its data;
	 * {@link #startCassandra()} brings it back on the same port. Local servers stop with
	 * SIGTERM; containers are paused.
	 */
	public static void stopCassandra() {
		infrastructure().stopCassandra();
	}

	/**
	 * Brings back a node stopped by {@link #stopCassandra()} and waits until it serves
	 * CQL.
	 */
	public static void startCassandra() {
		infrastructure().startCassandra();
	}

	/**
	 * Kills the Cassandra node with SIGKILL (local servers only);
	 * {@link #startCassandra()} restarts it.
	 */
	public static void killCassandra() {
		infrastructure().killCassandra();
	}

	/**
	 * Makes the Kafka broker unavailable, keeping its data; {@link #startKafka()} brings
	 * it back on the same port.
	 */
	public static void stopKafka() {
		infrastructure().stopKafka();
	}

	/**
	 * Brings back a broker stopped by {@link #stopKafka()} and waits until it is ready.
	 */
	public static void startKafka() {
		infrastructure().startKafka();
	}

	/**
	 * Kills the Kafka broker with SIGKILL (local servers only); {@link #startKafka()}
	 * restarts it.
	 */
	public static void killKafka() {
		infrastructure().killKafka();
	}

	/**
	 * Which kind of servers this JVM's tests run against.
	 * @return {@code local} or {@code containers}
	 */
	public static String kind() {
		return infrastructure().kind();
	}

}
