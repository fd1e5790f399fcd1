package dev.marquee.testsupport;

import org.testcontainers.DockerClientFactory;

/**
 * One way of providing the test servers.
 */
interface Infrastructure {

	static Infrastructure choose(String choice) {
		return switch (choice) {
			case "local" -> new LocalInfrastructure();
			case "containers" -> new ContainerInfrastructure();
			case "auto" -> dockerAvailable() ? new ContainerInfrastructure() : new LocalInfrastructure();
			default -> throw new IllegalArgumentException(
					"marquee.test.infrastructure must be local, containers or auto, not " + choice);
		};
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	String kind();

	String kafkaBootstrapServers();

	String cassandraContactPoint();

	void stopKafka();

	void startKafka();

	void killKafka();

	void stopCassandra();

	void startCassandra();

	void killCassandra();

}
