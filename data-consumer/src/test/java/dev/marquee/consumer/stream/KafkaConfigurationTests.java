package dev.marquee.consumer.stream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import dev.marquee.consumer.DataConsumerProperties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigurationTests {

	@Test
	void outageBackOffGrowsToItsBoundAndNeverStops() {
		DataConsumerProperties.Consumer consumer = new DataConsumerProperties.Consumer(Duration.ofMillis(200),
				Duration.ofSeconds(5), 2.0, 3, Duration.ofSeconds(5));
		BackOffExecution execution = KafkaConfiguration.outageBackOff(consumer).start();

		assertThat(execution.nextBackOff()).isEqualTo(200);
		assertThat(execution.nextBackOff()).isEqualTo(400);
		long last = 0;
		for (int attempt = 0; attempt < 100_000; attempt++) {
			last = execution.nextBackOff();
			assertThat(last).isNotEqualTo(BackOffExecution.STOP);
		}
		assertThat(last).isEqualTo(5000);
	}

}
