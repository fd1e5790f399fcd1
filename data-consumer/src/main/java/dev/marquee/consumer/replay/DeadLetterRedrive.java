package dev.marquee.consumer.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import dev.marquee.model.Topics;

/**
 * Re-drives dead letters: publishes every dead letter not re-driven before back onto the
 * page-change topic (same key, same value bytes, the dead-letter headers dropped), then
 * commits the dead-letter offsets of its own consumer group, so each dead letter is
 * re-driven once. A record that is still poison lands in the dead-letter topic again, as
 * a new dead letter. Re-driving an old version is harmless: the tables keep the newest.
 */
@Component
class DeadLetterRedrive {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterRedrive.class);

	/** Marks a re-driven record with the dead letter it came from. */
	static final String REDRIVEN_FROM_HEADER = "marquee-redriven-from";

	private static final Duration POLL = Duration.ofMillis(500);

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final KafkaProperties kafka;

	private final KafkaTemplate<Object, Object> template;

	private final String groupId;

	DeadLetterRedrive(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetterTemplate) {
		this.kafka = kafka;
		this.template = deadLetterTemplate;
		String group = kafka.getConsumer().getGroupId();
		this.groupId = ((group != null) ? group : "marquee-data-consumer") + "-dlt-redrive";
	}

	synchronized RedriveResult redrive() {
		try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAGE_CHANGES_DLT)
				.stream()
				.map((info) -> new TopicPartition(Topics.PAGE_CHANGES_DLT, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<Integer, Long> byPartition = new TreeMap<>();
			List<CompletableFuture<SendResult<Object, Object>>> sends = new ArrayList<>();
			while (!caughtUp(consumer, partitions, ends)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
						continue;
					}
					sends.add(this.template.send(toMainTopic(record)));
					byPartition.merge(record.partition(), 1L, Long::sum);
				}
			}
			for (CompletableFuture<SendResult<Object, Object>> send : sends) {
				send.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			// Commit only what was re-driven: the positions may be past the end snapshot,
			// the sends are not.
			Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
			ends.forEach((partition, end) -> commit.put(partition, new OffsetAndMetadata(end)));
			consumer.commitSync(commit);
			long total = byPartition.values().stream().mapToLong(Long::longValue).sum();
			logger.info("Re-drove {} dead letters from {} to {}", total, Topics.PAGE_CHANGES_DLT, Topics.PAGE_CHANGES);
			return new RedriveResult(total, byPartition);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("re-drive interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DeadLetterRedriveFailedException(ex);
		}
	}

	private ProducerRecord<Object, Object> toMainTopic(ConsumerRecord<String, byte[]> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			// Drop what the dead-letter recoverer and the error-handling deserializer
			// added.
			if (!header.key().startsWith("kafka_dlt") && !header.key().startsWith("springDeserializer")) {
				headers.add(header);
			}
		}
		String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
		headers.add(REDRIVEN_FROM_HEADER, origin.getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(Topics.PAGE_CHANGES, null, record.key(), record.value(), headers);
	}

	private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> ends) {
		for (TopicPartition partition : partitions) {
			if (consumer.position(partition) < ends.get(partition)) {
				return false;
			}
		}
		return true;
	}

	private KafkaConsumer<String, byte[]> newConsumer() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.groupId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "marquee-data-consumer-redrive");
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * Kafka did not acknowledge a re-driven record; nothing was committed, so the next
	 * re-drive repeats it.
	 */
	static class DeadLetterRedriveFailedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DeadLetterRedriveFailedException(Throwable cause) {
			super("Kafka did not acknowledge the re-driven records: " + cause.getMessage(), cause);
		}

	}

}
