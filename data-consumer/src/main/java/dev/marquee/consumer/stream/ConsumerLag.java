package dev.marquee.consumer.stream;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import dev.marquee.consumer.DataConsumerProperties;
import dev.marquee.model.Topics;

/**
 * Samples the consumer group's lag per partition (end offset minus committed offset) from
 * the broker, on its own thread: it keeps reporting while the consumer is blocked
 * retrying through a Cassandra outage, which is exactly when the backlog matters. Exposed
 * as the gauge {@code marquee.consumer.lag} and in the consumer health.
 */
@Component
class ConsumerLag implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ConsumerLag.class);

	private final KafkaAdmin kafkaAdmin;

	private final MeterRegistry registry;

	private final String topic;

	private final String groupId;

	private final long intervalMillis;

	private final Map<Integer, Long> lag = new ConcurrentHashMap<>();

	private volatile @Nullable Instant sampledAt;

	private volatile @Nullable ScheduledExecutorService executor;

	private volatile @Nullable Admin admin;

	ConsumerLag(KafkaAdmin kafkaAdmin, KafkaProperties kafka, DataConsumerProperties properties,
			MeterRegistry registry) {
		this.kafkaAdmin = kafkaAdmin;
		this.registry = registry;
		this.topic = Topics.PAGE_CHANGES;
		String group = kafka.getConsumer().getGroupId();
		this.groupId = (group != null) ? group : "marquee-data-consumer";
		this.intervalMillis = properties.consumer().lagInterval().toMillis();
	}

	/**
	 * The last sample.
	 * @return partition → records not yet applied and committed
	 */
	Map<Integer, Long> byPartition() {
		return new TreeMap<>(this.lag);
	}

	long total() {
		return this.lag.values().stream().mapToLong(Long::longValue).sum();
	}

	@Nullable Instant sampledAt() {
		return this.sampledAt;
	}

	void sample() {
		Admin client = this.admin;
		if (client == null) {
			return;
		}
		try {
			TopicDescription description = client.describeTopics(List.of(this.topic))
				.allTopicNames()
				.get(5, TimeUnit.SECONDS)
				.get(this.topic);
			Map<TopicPartition, OffsetSpec> latest = description.partitions()
				.stream()
				.collect(Collectors.toMap((p) -> new TopicPartition(this.topic, p.partition()),
						(p) -> OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(this.groupId)
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			ends.forEach((partition, end) -> {
				OffsetAndMetadata position = committed.get(partition);
				long lagged = Math.max(0, end.offset() - ((position != null) ? position.offset() : 0));
				if (this.lag.put(partition.partition(), lagged) == null) {
					Gauge.builder("marquee.consumer.lag", this.lag, (m) -> m.getOrDefault(partition.partition(), 0L))
						.description("Records on the topic not yet applied and committed by the consumer group")
						.tag("topic", this.topic)
						.tag("partition", Integer.toString(partition.partition()))
						.register(this.registry);
				}
			});
			this.sampledAt = Instant.now();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.debug("Consumer lag not sampled: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "consumer-lag");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::sample, 0, this.intervalMillis, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		Admin client = this.admin;
		if (client != null) {
			client.close(java.time.Duration.ofSeconds(2));
		}
		this.executor = null;
		this.admin = null;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
