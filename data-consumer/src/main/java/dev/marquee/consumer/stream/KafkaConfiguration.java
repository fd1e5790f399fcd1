package dev.marquee.consumer.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.marquee.consumer.DataConsumerProperties;
import dev.marquee.consumer.projection.CassandraFailures;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;

/**
 * Error handling of the consumer group (the topics are declared once for every service by
 * service-support's {@code KafkaTopicsAutoConfiguration}).
 *
 * <p>
 * Failures are classified: poison (undeserializable or invalid) goes to the dead-letter
 * topic at once; a Cassandra outage is retried with bounded exponential back-off forever,
 * never skipped and never committed; anything else (a bug) gets a few attempts, then the
 * dead-letter topic, so one bad record cannot stop a partition for good.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KafkaConfiguration.class);

	/**
	 * Publishes dead letters and re-driven records: raw bytes as they are (a value that
	 * failed to deserialize), page changes as the shared JSON (a value rejected after
	 * deserialization).
	 */
	@Bean
	KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
		Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(PageChanged.class, new PageChangeSerializer());
		byType.put(String.class, new StringSerializer());
		DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
				new DelegatingByTypeSerializer(Map.of(String.class, new StringSerializer())),
				new DelegatingByTypeSerializer(byType));
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(factory);
		// A dead letter or re-driven record keeps the trace of the delivery that failed,
		// in its headers.
		template.setObservationEnabled(true);
		return template;
	}

	@Bean
	DefaultErrorHandler pageChangesErrorHandler(KafkaTemplate<Object, Object> deadLetterTemplate,
			DataConsumerProperties properties, ConsumerMetrics metrics, ConsumerActivity activity) {
		DataConsumerProperties.Consumer consumer = properties.consumer();
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(Topics.PAGE_CHANGES_DLT, record.partition()));
		ConsumerAwareRecordRecoverer recoverer = (record, kafkaConsumer, ex) -> {
			deadLetters.accept(record, kafkaConsumer, ex);
			metrics.deadLettered();
			logger.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					rootCause(ex));
		};
		// At least one retry, or spring-kafka skips the back-off function and recovers at
		// once.
		long unexpectedRetries = Math.max(1, consumer.unexpectedFailureAttempts() - 1);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, unexpectedRetries));
		handler.addNotRetryableExceptions(InvalidPageChangeException.class);
		handler.setBackOffFunction((record, ex) -> CassandraFailures.isOutage(ex) ? outageBackOff(consumer) : null);
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
				activity.failed(ex, deliveryAttempt);
			}

		});
		return handler;
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	static ExponentialBackOff outageBackOff(DataConsumerProperties.Consumer consumer) {
		ExponentialBackOff backOff = new ExponentialBackOff(consumer.retryInitialInterval().toMillis(),
				consumer.retryMultiplier());
		backOff.setMaxInterval(consumer.retryMaxInterval().toMillis());
		// Never give up: the record is fine, the store is not.
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		backOff.setMaxAttempts(Integer.MAX_VALUE);
		return backOff;
	}

}
