package dev.marquee.consumer.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.marquee.consumer.DataConsumerProperties;
import dev.marquee.consumer.projection.CassandraFailures;
import dev.marquee.consumer.projection.ReadModelProjection;
import dev.marquee.consumer.projection.ReadTables;
import dev.marquee.consumer.stream.InvalidPageChangeException;
import dev.marquee.consumer.stream.PageChanges;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;

/**
 * Rebuilds the read tables by replaying the page-change topic from its earliest offsets
 * up to the end offsets seen at the start, with its own consumer (assigned partitions, no
 * group, nothing committed), next to the running consumer group. Both write versioned
 * cells, so the replay cannot regress what the group wrote, and the service keeps serving
 * and consuming throughout. Without truncation, rows are repaired in place (readers never
 * see a gap); with truncation the tables start empty and pages reappear as the replay
 * reaches them.
 */
@Component
class TableRebuild implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(TableRebuild.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final KafkaProperties kafka;

	private final ReadModelProjection projection;

	private final ReadTables tables;

	private final String topic;

	private final BackOff outageBackOff;

	private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile boolean stopping;

	TableRebuild(KafkaProperties kafka, ReadModelProjection projection, ReadTables tables,
			DataConsumerProperties properties) {
		this.kafka = kafka;
		this.projection = projection;
		this.tables = tables;
		this.topic = Topics.PAGE_CHANGES;
		ExponentialBackOff backOff = new ExponentialBackOff(properties.consumer().retryInitialInterval().toMillis(),
				properties.consumer().retryMultiplier());
		backOff.setMaxInterval(properties.consumer().retryMaxInterval().toMillis());
		this.outageBackOff = backOff;
	}

	RebuildStatus status() {
		return this.status.get();
	}

	/**
	 * Starts a rebuild in the background.
	 * @param truncate whether to empty the content tables first
	 * @return the status right after starting
	 * @throws RebuildAlreadyRunningException if one is running
	 */
	RebuildStatus start(boolean truncate) {
		if (!this.running.compareAndSet(false, true)) {
			throw new RebuildAlreadyRunningException();
		}
		RebuildStatus started = new RebuildStatus(RebuildStatus.State.RUNNING, truncate, Instant.now(), null, 0, 0, 0,
				0, 0, Map.of(), Map.of(), null);
		this.status.set(started);
		Thread thread = new Thread(() -> run(started), "table-rebuild");
		thread.setDaemon(true);
		thread.start();
		return started;
	}

	private void run(RebuildStatus started) {
		try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
			if (started.truncated()) {
				this.tables.truncateContent();
			}
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic)
				.stream()
				.map((info) -> new TopicPartition(this.topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long target = 0;
			Map<Integer, Long> endOffsets = new TreeMap<>();
			for (TopicPartition partition : partitions) {
				target += ends.get(partition) - begins.get(partition);
				endOffsets.put(partition.partition(), ends.get(partition));
			}
			logger.info("Rebuild started (truncate={}): {} records in {} partitions", started.truncated(), target,
					partitions.size());
			Progress progress = new Progress(started, target, endOffsets);
			publish(progress, consumer, partitions);
			while (!this.stopping && !caughtUp(consumer, partitions, ends)) {
				ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
				for (ConsumerRecord<String, byte[]> record : records) {
					if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
						// Past the snapshot: the consumer group applies it anyway.
						continue;
					}
					replay(record, progress);
				}
				publish(progress, consumer, partitions);
			}
			RebuildStatus.State end = this.stopping ? RebuildStatus.State.FAILED : RebuildStatus.State.COMPLETED;
			this.status.set(progress.status(end, Instant.now(), positions(consumer, partitions),
					this.stopping ? "stopped by shutdown" : null));
			logger.info("Rebuild {}: {} read, {} applied, {} skipped", end, progress.read, progress.applied,
					progress.skipped);
		}
		catch (RuntimeException ex) {
			logger.error("Rebuild failed", ex);
			RebuildStatus last = this.status.get();
			this.status.set(new RebuildStatus(RebuildStatus.State.FAILED, last.truncated(), last.startedAt(),
					Instant.now(), last.target(), last.read(), last.applied(), last.skipped(), last.progress(),
					last.endOffsets(), last.positions(), ex.toString()));
		}
		finally {
			this.running.set(false);
		}
	}

	private void replay(ConsumerRecord<String, byte[]> record, Progress progress) {
		progress.read++;
		PageChanged change;
		try {
			change = PageChanges.read(record.value());
		}
		catch (InvalidPageChangeException ex) {
			progress.skipped++;
			return;
		}
		BackOffExecution backOff = this.outageBackOff.start();
		while (true) {
			try {
				this.projection.apply(change);
				progress.applied++;
				return;
			}
			catch (RuntimeException ex) {
				if (!CassandraFailures.isOutage(ex) || this.stopping) {
					throw ex;
				}
				long pause = backOff.nextBackOff();
				logger.warn("Rebuild waits {} ms for Cassandra: {}", pause, ex.toString());
				pause(pause);
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("rebuild interrupted", ex);
		}
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

	private void publish(Progress progress, KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		this.status.set(progress.status(RebuildStatus.State.RUNNING, null, positions(consumer, partitions), null));
	}

	private static Map<Integer, Long> positions(KafkaConsumer<String, byte[]> consumer,
			List<TopicPartition> partitions) {
		Map<Integer, Long> positions = new TreeMap<>();
		for (TopicPartition partition : partitions) {
			positions.put(partition.partition(), consumer.position(partition));
		}
		return positions;
	}

	private KafkaConsumer<String, byte[]> newConsumer() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "marquee-data-consumer-rebuild");
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	@Override
	public void destroy() {
		this.stopping = true;
	}

	private static final class Progress {

		private final RebuildStatus started;

		private final long target;

		private final Map<Integer, Long> endOffsets;

		private long read;

		private long applied;

		private long skipped;

		Progress(RebuildStatus started, long target, Map<Integer, Long> endOffsets) {
			this.started = started;
			this.target = target;
			this.endOffsets = endOffsets;
		}

		RebuildStatus status(RebuildStatus.State state, @Nullable Instant finishedAt, Map<Integer, Long> positions,
				@Nullable String failure) {
			double fraction = (this.target == 0) ? 1.0 : Math.min(1.0, (double) this.read / this.target);
			return new RebuildStatus(state, this.started.truncated(), this.started.startedAt(), finishedAt, this.target,
					this.read, this.applied, this.skipped, fraction, this.endOffsets, positions, failure);
		}

	}

}
