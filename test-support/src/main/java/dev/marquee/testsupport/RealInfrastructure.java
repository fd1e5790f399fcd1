package dev.marquee.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Kafka broker and a real Cassandra node for integration tests, started at most once per test JVM and
 * shared by every test class in it: Testcontainers when a Docker engine is reachable, otherwise the project's
 * own local servers (see {@code local-infra}), on free ports with data in a temporary directory.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     RealInfrastructure.registerKafka(registry);
 *     RealInfrastructure.registerCassandra(registry);
 * }
 * }</pre>
 */
public final class RealInfrastructure {

	private RealInfrastructure() {
	}

	/**
	 * The shared Kafka broker, started on first use.
	 * @return {@code host:port} of the broker's PLAINTEXT listener
	 */
	public static String kafkaBootstrapServers() {
		throw new UnsupportedOperationException("being implemented");
	}

	/**
	 * The shared Cassandra node, started on first use.
	 * @return {@code host:port} of its CQL native transport
	 */
	public static String cassandraContactPoint() {
		throw new UnsupportedOperationException("being implemented");
	}

	/** Cassandra's data center name, for {@code spring.cassandra.local-datacenter}. */
	public static final String CASSANDRA_DATACENTER = "datacenter1";

	/**
	 * Sets {@code spring.kafka.bootstrap-servers}.
	 * @param registry the test's registry
	 */
	public static void registerKafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", RealInfrastructure::kafkaBootstrapServers);
	}

	/**
	 * Sets {@code spring.cassandra.contact-points} and {@code spring.cassandra.local-datacenter}.
	 * @param registry the test's registry
	 */
	public static void registerCassandra(DynamicPropertyRegistry registry) {
		registry.add("spring.cassandra.contact-points", RealInfrastructure::cassandraContactPoint);
		registry.add("spring.cassandra.local-datacenter", () -> CASSANDRA_DATACENTER);
	}

	/**
	 * Stops the Cassandra node (SIGTERM, data kept) for fault-injection tests; {@link #startCassandra()} brings
	 * it back on the same port with its data. Only possible with the local servers, not with containers.
	 */
	public static void stopCassandra() {
		throw new UnsupportedOperationException("being implemented");
	}

	/** Restarts a Cassandra node stopped by {@link #stopCassandra()} and waits until it serves CQL. */
	public static void startCassandra() {
		throw new UnsupportedOperationException("being implemented");
	}

	/**
	 * Stops the Kafka broker (data kept); {@link #startKafka()} brings it back on the same port.
	 */
	public static void stopKafka() {
		throw new UnsupportedOperationException("being implemented");
	}

	/** Restarts a broker stopped by {@link #stopKafka()} and waits until it is ready. */
	public static void startKafka() {
		throw new UnsupportedOperationException("being implemented");
	}

}
