package dev.marquee.consumer.stream;

import java.time.Duration;

import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.marquee.consumer.DataConsumerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ConsumerHealthIndicatorTests {

	private final ConsumerActivity activity = new ConsumerActivity();

	private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);

	private final ConsumerHealthIndicator health = new ConsumerHealthIndicator(this.activity,
			new ConsumerLag(new KafkaAdmin(java.util.Map.of()), new KafkaProperties(), properties(),
					new SimpleMeterRegistry()),
			this.registry);

	ConsumerHealthIndicatorTests() {
		MessageListenerContainer container = mock(MessageListenerContainer.class);
		given(container.isRunning()).willReturn(true);
		given(this.registry.getListenerContainer(PageChangesListener.ID)).willReturn(container);
	}

	@Test
	void isUpWhileApplying() {
		this.activity.applied();

		Health result = this.health.health();

		assertThat(result.getStatus()).isEqualTo(Status.UP);
		assertThat(result.getDetails()).containsKeys("backlog", "lagByPartition", "lastAppliedAt");
	}

	@Test
	void isDownWhileRetryingThroughAnOutageAndUpOnceARecordIsApplied() {
		this.activity.failed(new NoNodeAvailableException(), 1);
		this.activity.failed(new NoNodeAvailableException(), 2);

		Health down = this.health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("failedAttempts", 2).containsKeys("retryingSince", "lastFailure");

		this.activity.applied();
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void ignoresFailuresThatAreNotOutages() {
		this.activity.failed(new InvalidPageChangeException("poison"), 1);

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	private static DataConsumerProperties properties() {
		return new DataConsumerProperties(new DataConsumerProperties.Consumer(Duration.ofMillis(200),
				Duration.ofSeconds(5), 2.0, 3, Duration.ofSeconds(5)),
				new DataConsumerProperties.Cassandra("SimpleStrategy:1"));
	}

}
