package dev.marquee.hollowproducer.write;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.marquee.hollowproducer.blob.BlobStore;

/**
 * Health of the producer: the announced version and the outcome of the last cycle (DOWN while the last cycle
 * failed, since writes are then answered 503).
 */
final class ProducerHealthIndicator implements HealthIndicator {

	private final CycleMetrics metrics;

	private final BlobStore store;

	ProducerHealthIndicator(CycleMetrics metrics, BlobStore store) {
		this.metrics = metrics;
		this.store = store;
	}

	@Override
	public Health health() {
		CycleMetrics.LastCycle last = this.metrics.lastCycle();
		Health.Builder health = (last != null && last.outcome().equals("FAILURE")) ? Health.down() : Health.up();
		health.withDetail("version", this.metrics.version())
			.withDetail("cycles", this.metrics.cycles())
			.withDetail("blobDir", this.store.dir().toString());
		if (last != null) {
			health.withDetail("lastCycle", last);
		}
		return health.build();
	}

}
