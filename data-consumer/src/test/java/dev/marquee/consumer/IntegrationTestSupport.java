package dev.marquee.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.testsupport.RealInfrastructure;

/**
 * One application context on the real Kafka broker and Cassandra node, shared by every
 * integration test class (they differ only in their page-id prefixes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "marquee.consumer.lag-interval=1s" })
abstract class IntegrationTestSupport {

	static final String ADMIN = "admin:marquee-admin-local";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static @Nullable KafkaProducer<String, byte[]> producer;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.registerKafka(registry);
		RealInfrastructure.registerCassandra(registry);
	}

	@Autowired
	CqlSession session;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					RealInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
					ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1),
					new StringSerializer(), new ByteArraySerializer());
		}
		return producer;
	}

	@AfterAll
	static synchronized void closeProducer() {
		if (producer != null) {
			producer.close(Duration.ofSeconds(5));
			producer = null;
		}
	}

	static RecordMetadata send(String topic, @Nullable String key, byte @Nullable [] value) {
		try {
			return producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RecordMetadata publish(PageChanged change) {
		return send(Topics.PAGE_CHANGES, change.pageId(), MarqueeJson.write(change));
	}

	static List<RecordMetadata> publishAll(String topic, Collection<PageChanged> changes) {
		List<java.util.concurrent.Future<RecordMetadata>> sends = new ArrayList<>();
		for (PageChanged change : changes) {
			sends.add(producer().send(new ProducerRecord<>(topic, change.pageId(), MarqueeJson.write(change))));
		}
		List<RecordMetadata> written = new ArrayList<>();
		for (java.util.concurrent.Future<RecordMetadata> send : sends) {
			try {
				written.add(send.get(30, TimeUnit.SECONDS));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return written;
	}

	/**
	 * Whether the applied watermark of every partition written to has reached the highest
	 * offset written.
	 */
	boolean applied(String topic, List<RecordMetadata> written) {
		Map<Integer, Long> highest = new java.util.HashMap<>();
		written.forEach((metadata) -> highest.merge(metadata.partition(), metadata.offset(), Math::max));
		Map<Integer, Long> watermarks = watermarks(topic);
		return highest.entrySet()
			.stream()
			.allMatch((entry) -> watermarks.getOrDefault(entry.getKey(), -1L) >= entry.getValue());
	}

	Map<Integer, Long> watermarks(String topic) {
		Map<Integer, Long> watermarks = new java.util.TreeMap<>();
		for (Row row : this.session
			.execute("SELECT partition, applied_offset FROM marquee_read.applied_watermarks WHERE topic = ?", topic)) {
			watermarks.put(row.getInt("partition"), row.getLong("applied_offset"));
		}
		return watermarks;
	}

	/** Rows of pages_by_stage (PUBLISHED) whose page id starts with the prefix. */
	List<Row> publishedPages(String prefix) {
		return this.session
			.execute("SELECT slug, page_id, content_version FROM marquee_read.pages_by_stage WHERE stage = ?",
					Stage.PUBLISHED.name())
			.all()
			.stream()
			.filter((row) -> row.getString("page_id").startsWith(prefix))
			.toList();
	}

	@Nullable Row pageBySlug(String slug) {
		return this.session
			.execute("SELECT * FROM marquee_read.page_by_slug WHERE slug = ? AND stage = ?", slug,
					Stage.PUBLISHED.name())
			.one();
	}

	List<String> elementIds(String pageId) {
		return this.session
			.execute("SELECT element_id FROM marquee_read.elements_by_page WHERE page_id = ? AND stage = ?", pageId,
					Stage.PUBLISHED.name())
			.all()
			.stream()
			.map((row) -> row.getString("element_id"))
			.toList();
	}

	@Nullable Row elementById(String elementId) {
		return this.session
			.execute("SELECT * FROM marquee_read.element_by_id WHERE element_id = ? AND stage = ?", elementId,
					Stage.PUBLISHED.name())
			.one();
	}

	@Nullable Row elementById(String elementId, String pageId) {
		return this.session
			.execute("SELECT * FROM marquee_read.element_by_id WHERE element_id = ? AND stage = ? AND page_id = ?",
					elementId, Stage.PUBLISHED.name(), pageId)
			.one();
	}

	@Nullable Row pageByStage(String slug) {
		return this.session
			.execute("SELECT * FROM marquee_read.pages_by_stage WHERE stage = ? AND slug = ?", Stage.PUBLISHED.name(),
					slug)
			.one();
	}

	double counter(String name, String... tags) {
		return this.meters.find(name).tags(tags).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	HttpResponse<String> http(String method, String path, @Nullable String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
