package dev.marquee.hollowproducer.write;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.hollowproducer.log.DurableWriteLog;

/**
 * Health of the producer: the announced version, the outcome of the last cycle (DOWN
 * while the last cycle failed: writes are still accepted into the log, but no new state
 * folds them) and where the write log stands (head, the offset of the latest announced
 * state, entries pending between them; DOWN while the log refuses appends after a write
 * it could not roll back).
 */
final class ProducerHealthIndicator implements HealthIndicator {

	private final CycleMetrics metrics;

	private final BlobStore store;

	private final DurableWriteLog log;

	ProducerHealthIndicator(CycleMetrics metrics, BlobStore store, DurableWriteLog log) {
		this.metrics = metrics;
		this.store = store;
		this.log = log;
	}

	@Override
	public Health health() {
		CycleMetrics.LastCycle last = this.metrics.lastCycle();
		boolean cycleFailed = last != null && last.outcome().equals("FAILURE");
		Health.Builder health = (cycleFailed || this.log.broken()) ? Health.down() : Health.up();
		health.withDetail("version", this.metrics.version())
			.withDetail("cycles", this.metrics.cycles())
			.withDetail("blobDir", this.store.dir().toString())
			.withDetail("logId", this.log.logId())
			.withDetail("logHead", this.log.head())
			.withDetail("logFirstOffset", this.log.firstOffset())
			.withDetail("stateOffset", this.log.state().offset())
			.withDetail("pending", this.log.pending())
			.withDetail("logDir", this.log.dir().toString())
			.withDetail("logBroken", this.log.broken());
		if (last != null) {
			health.withDetail("lastCycle", last);
		}
		return health.build();
	}

}
