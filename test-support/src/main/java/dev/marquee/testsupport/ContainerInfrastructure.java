package dev.marquee.testsupport;

import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka and Cassandra in containers, for machines with a Docker engine. Fault injection
 * pauses and unpauses a container, which keeps its data and mapped ports; a SIGKILL of
 * the server is not offered here.
 */
final class ContainerInfrastructure implements Infrastructure {

	private KafkaContainer kafka;

	private CassandraContainer cassandra;

	@Override
	public String kind() {
		return "containers";
	}

	@Override
	public synchronized String kafkaBootstrapServers() {
		if (this.kafka == null) {
			KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
			container.start();
			this.kafka = container;
		}
		return this.kafka.getBootstrapServers();
	}

	@Override
	public synchronized String cassandraContactPoint() {
		if (this.cassandra == null) {
			CassandraContainer container = new CassandraContainer("cassandra:5.0");
			container.start();
			this.cassandra = container;
		}
		return this.cassandra.getHost() + ":" + this.cassandra.getMappedPort(9042);
	}

	@Override
	public synchronized void stopKafka() {
		this.kafka.getDockerClient().pauseContainerCmd(this.kafka.getContainerId()).exec();
	}

	@Override
	public synchronized void startKafka() {
		this.kafka.getDockerClient().unpauseContainerCmd(this.kafka.getContainerId()).exec();
	}

	@Override
	public void killKafka() {
		throw new UnsupportedOperationException(
				"SIGKILL of the broker needs the local servers: run with -Dmarquee.test.infrastructure=local");
	}

	@Override
	public synchronized void stopCassandra() {
		this.cassandra.getDockerClient().pauseContainerCmd(this.cassandra.getContainerId()).exec();
	}

	@Override
	public synchronized void startCassandra() {
		this.cassandra.getDockerClient().unpauseContainerCmd(this.cassandra.getContainerId()).exec();
	}

	@Override
	public void killCassandra() {
		throw new UnsupportedOperationException(
				"SIGKILL of the node needs the local servers: run with -Dmarquee.test.infrastructure=local");
	}

}
