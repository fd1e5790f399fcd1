package dev.marquee.consumer.stream;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.marquee.consumer.projection.ReadModelProjection.Outcome;

/**
 * The consumer's meters. Records applied per second is
 * {@code rate(marquee_consumer_records_applied_total[1m])}.
 */
@Component
class ConsumerMetrics {

	private final Counter applied;

	private final Counter superseded;

	private final Counter deadLettered;

	private final Timer applyLatency;

	private final Timer rowVisible;

	ConsumerMetrics(MeterRegistry registry) {
		this.applied = Counter.builder("marquee.consumer.records.applied")
			.description("Page changes written to the read tables")
			.tag("outcome", "applied")
			.register(registry);
		this.superseded = Counter.builder("marquee.consumer.records.applied")
			.description("Page changes written to the read tables")
			.tag("outcome", "superseded")
			.register(registry);
		this.deadLettered = Counter.builder("marquee.consumer.dead.letters")
			.description("Records sent to the dead-letter topic")
			.register(registry);
		this.applyLatency = Timer.builder("marquee.consumer.apply")
			.description("Time to write one change and its watermark to Cassandra")
			.publishPercentileHistogram()
			.register(registry);
		this.rowVisible = Timer.builder("marquee.cassandra.row.visible")
			.description("Ingestion accept time to read-table row written: the Kafka to Cassandra stage of propagation")
			.publishPercentileHistogram()
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(registry);
	}

	void applied(Outcome outcome, long startNanos, Instant ingestedAt) {
		this.applyLatency.record(Duration.ofNanos(System.nanoTime() - startNanos));
		(outcome == Outcome.APPLIED ? this.applied : this.superseded).increment();
		if (outcome == Outcome.APPLIED) {
			Duration visibleAfter = Duration.between(ingestedAt, Instant.now());
			this.rowVisible.record(visibleAfter.isNegative() ? Duration.ZERO : visibleAfter);
		}
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

}
