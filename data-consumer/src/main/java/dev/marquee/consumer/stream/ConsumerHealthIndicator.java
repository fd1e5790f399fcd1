package dev.marquee.consumer.stream;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Health of the consumer group ({@code /actuator/health/consumer}): DOWN while it is
 * stuck retrying a write because Cassandra is unavailable, with the backlog that is
 * building up meanwhile.
 */
@Component("consumer")
class ConsumerHealthIndicator implements HealthIndicator {

	private final ConsumerActivity activity;

	private final ConsumerLag lag;

	private final KafkaListenerEndpointRegistry listeners;

	ConsumerHealthIndicator(ConsumerActivity activity, ConsumerLag lag, KafkaListenerEndpointRegistry listeners) {
		this.activity = activity;
		this.lag = lag;
		this.listeners = listeners;
	}

	@Override
	public Health health() {
		ConsumerActivity.Outage outage = this.activity.outage();
		MessageListenerContainer container = this.listeners.getListenerContainer(PageChangesListener.ID);
		boolean running = container != null && container.isRunning();
		Health.Builder health = (outage == null && running) ? Health.up() : Health.down();
		health.withDetail("running", running);
		health.withDetail("backlog", this.lag.total());
		health.withDetail("lagByPartition", this.lag.byPartition());
		Instant sampledAt = this.lag.sampledAt();
		if (sampledAt != null) {
			health.withDetail("lagSampledAt", sampledAt.toString());
		}
		Instant lastAppliedAt = this.activity.lastAppliedAt();
		if (lastAppliedAt != null) {
			health.withDetail("lastAppliedAt", lastAppliedAt.toString());
		}
		if (outage != null) {
			health.withDetail("retryingSince", outage.since().toString())
				.withDetail("failedAttempts", outage.attempts())
				.withDetail("lastFailure", outage.lastFailure());
		}
		return health.build();
	}

}
