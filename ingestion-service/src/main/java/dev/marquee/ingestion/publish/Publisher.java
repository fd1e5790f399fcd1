package dev.marquee.ingestion.publish;

import java.io.ByteArrayOutputStream;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.IngestionProperties.WritePath;
import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;

/**
 * Publishes page changes to every enabled write path and returns only once each of them
 * durably accepted them: the Kafka topic with {@code acks=all} on an idempotent producer,
 * and the hollow producer, which answers once the changes are in its write log on disk
 * (no Hollow cycle is waited for). Both are in flight at once. Anything else is a
 * {@link WritePathUnavailableException}, so the CMS retries (every store is
 * last-write-wins by content version, so the retry is harmless).
 */
@Component
public class Publisher {

	private static final Logger logger = LoggerFactory.getLogger(Publisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final IngestionProperties.WritePaths writePaths;

	private final RestClient hollow;

	private final Timer kafkaTimer;

	private final Timer hollowTimer;

	public Publisher(KafkaTemplate<String, byte[]> kafka, IngestionProperties properties, MeterRegistry meters,
			RestClient.Builder restClients) {
		this.kafka = kafka;
		this.kafkaTimer = Timer.builder("marquee.ingestion.publish").tag("path", "KAFKA").register(meters);
		this.hollowTimer = Timer.builder("marquee.ingestion.publish").tag("path", "HOLLOW").register(meters);
		this.writePaths = properties.writePaths();
		IngestionProperties.Hollow hollow = this.writePaths.hollow();
		// HttpURLConnection, on the calling thread: the JDK HttpClient (through Spring's
		// request factory) streams a body in 1 KB chunks handed between its worker
		// threads, which cost more CPU than the rest of publishing a ~120 KB write. Kept
		// alive between writes; never through a proxy, as before.
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setProxy(Proxy.NO_PROXY);
		requestFactory.setConnectTimeout(hollow.connectTimeout());
		requestFactory.setReadTimeout(hollow.readTimeout());
		// Boot's builder: each write is timed (http.client.requests) and carries the
		// webhook's traceparent.
		this.hollow = restClients.clone()
			.baseUrl(hollow.url().toString())
			.requestFactory(requestFactory)
			.defaultHeaders(
					(headers) -> headers.setBasicAuth("marquee-service", properties.security().servicePassword()))
			.build();
		logger.info("Write paths enabled: {} (hollow producer at {})", this.writePaths.enabled(), hollow.url());
	}

	/**
	 * Publishes changes to every enabled path.
	 * @param changes the changes, possibly none
	 * @return where they landed on each path
	 * @throws WritePathUnavailableException when a path did not accept them
	 */
	public Published publish(List<PageChanged> changes) {
		if (changes.isEmpty()) {
			return new Published(Map.of(), null);
		}
		long started = System.nanoTime();
		// Each change is serialized once, for both paths: pages are tens of kilobytes of
		// JSON.
		List<byte[]> serialized = new ArrayList<>(changes.size());
		for (PageChanged change : changes) {
			serialized.add(MarqueeJson.write(change));
		}
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
		if (this.writePaths.isEnabled(WritePath.KAFKA)) {
			try {
				for (int i = 0; i < changes.size(); i++) {
					sends.add(this.kafka
						.send(new ProducerRecord<>(Topics.PAGE_CHANGES, changes.get(i).pageId(), serialized.get(i))));
				}
			}
			catch (RuntimeException ex) {
				// send() blocks up to max.block.ms for metadata when the broker is
				// unreachable.
				throw new WritePathUnavailableException(WritePath.KAFKA,
						"Kafka did not accept the write: " + ex.getMessage(), ex);
			}
		}
		Long hollowOffset = null;
		if (this.writePaths.isEnabled(WritePath.HOLLOW)) {
			long hollowStarted = System.nanoTime();
			hollowOffset = writeHollow(serialized);
			this.hollowTimer.record(System.nanoTime() - hollowStarted, TimeUnit.NANOSECONDS);
		}
		Map<Integer, Long> offsets = new TreeMap<>();
		Duration timeout = this.writePaths.kafka().sendTimeout();
		for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
			try {
				RecordMetadata metadata = send.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
				offsets.merge(metadata.partition(), metadata.offset(), Math::max);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WritePathUnavailableException(WritePath.KAFKA, "Interrupted while waiting for Kafka", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new WritePathUnavailableException(WritePath.KAFKA,
						"Kafka did not acknowledge the write: " + ((ex.getCause() != null) ? ex.getCause() : ex), ex);
			}
		}
		if (!sends.isEmpty()) {
			// Acknowledged by every in-sync replica: from the first send to the last
			// acknowledgement.
			this.kafkaTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		return new Published(offsets, hollowOffset);
	}

	private long writeHollow(List<byte[]> serializedChanges) {
		try {
			HollowWriteResult result = this.hollow.post()
				.uri("/v1/writes")
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.body(writeRequest(serializedChanges))
				.retrieve()
				.body(HollowWriteResult.class);
			if (result == null) {
				throw new WritePathUnavailableException(WritePath.HOLLOW, "The hollow producer answered without a body",
						null);
			}
			return result.offset();
		}
		catch (RestClientException ex) {
			throw new WritePathUnavailableException(WritePath.HOLLOW,
					"The hollow producer did not accept the write: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A {@link HollowWriteRequest} as JSON, assembled from changes already serialized.
	 * @param serializedChanges each change as JSON
	 * @return the request body
	 */
	static byte[] writeRequest(List<byte[]> serializedChanges) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(
				16 + serializedChanges.stream().mapToInt((change) -> change.length + 1).sum());
		body.writeBytes("{\"changes\":[".getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < serializedChanges.size(); i++) {
			if (i > 0) {
				body.write(',');
			}
			body.writeBytes(serializedChanges.get(i));
		}
		body.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	/**
	 * Where a batch of changes landed.
	 *
	 * @param kafkaOffsets Kafka partition → highest offset written
	 * @param hollowOffset the hollow-producer's write-log offset that covers them, null
	 * when that path is off
	 */
	public record Published(Map<Integer, Long> kafkaOffsets, @Nullable Long hollowOffset) {
	}

}
