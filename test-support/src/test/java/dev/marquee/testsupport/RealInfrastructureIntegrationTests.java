package dev.marquee.testsupport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealInfrastructureIntegrationTests {

	@Test
	void kafkaRoundTripsARecordAndKeepsItAcrossARestart() throws Exception {
		String topic = "round-trip-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", RealInfrastructure.kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		RecordMetadata written = produce(topic, "page-1", "hello");

		RealInfrastructure.stopKafka();
		RealInfrastructure.startKafka();

		ConsumerRecord<String, String> read = consumeFirst(topic);
		assertThat(read.key()).isEqualTo("page-1");
		assertThat(read.value()).isEqualTo("hello");
		assertThat(read.offset()).isEqualTo(written.offset());
	}

	@Test
	void cassandraAppliesSchemaWritesReadsAndKeepsDataAcrossARestart() {
		String[] hostPort = RealInfrastructure.cassandraContactPoint().split(":");
		try (CqlSession session = session(hostPort)) {
			session.execute("CREATE KEYSPACE IF NOT EXISTS infra_check WITH replication = "
					+ "{'class': 'SimpleStrategy', 'replication_factor': 1}");
			session.execute("CREATE TABLE IF NOT EXISTS infra_check.pages (id text PRIMARY KEY, title text)");
			session.execute("INSERT INTO infra_check.pages (id, title) VALUES ('p-1', 'Home') USING TIMESTAMP 2");
			session.execute("INSERT INTO infra_check.pages (id, title) VALUES ('p-1', 'Older') USING TIMESTAMP 1");
		}

		RealInfrastructure.stopCassandra();
		RealInfrastructure.startCassandra();

		try (CqlSession session = session(hostPort)) {
			Row row = session.execute("SELECT title FROM infra_check.pages WHERE id = 'p-1'").one();
			assertThat(row).isNotNull();
			assertThat(row.getString("title")).isEqualTo("Home");
		}
	}

	private static CqlSession session(String[] hostPort) {
		return CqlSession.builder()
			.addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
			.withLocalDatacenter(RealInfrastructure.CASSANDRA_DATACENTER)
			.build();
	}

	private static RecordMetadata produce(String topic, String key, String value) throws Exception {
		Properties props = new Properties();
		props.put("bootstrap.servers", RealInfrastructure.kafkaBootstrapServers());
		props.put("acks", "all");
		props.put("enable.idempotence", "true");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
				new StringSerializer())) {
			return producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static ConsumerRecord<String, String> consumeFirst(String topic) {
		Properties props = new Properties();
		props.put("bootstrap.servers", RealInfrastructure.kafkaBootstrapServers());
		props.put("group.id", "round-trip-" + UUID.randomUUID());
		props.put("auto.offset.reset", "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					return record;
				}
			}
			throw new AssertionError("no record consumed from " + topic + " within 60 s");
		}
	}

}
