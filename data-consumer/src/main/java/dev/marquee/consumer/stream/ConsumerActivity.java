package dev.marquee.consumer.stream;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.marquee.consumer.projection.CassandraFailures;

/**
 * What the consumer is doing right now, for its health: applying, or stuck retrying
 * through an outage.
 */
@Component
class ConsumerActivity {

	private final AtomicReference<@Nullable Outage> outage = new AtomicReference<>();

	private volatile @Nullable Instant lastAppliedAt;

	void applied() {
		this.lastAppliedAt = Instant.now();
		this.outage.set(null);
	}

	void failed(Throwable failure, int attempt) {
		if (CassandraFailures.isOutage(failure)) {
			String message = rootMessage(failure);
			this.outage.updateAndGet(
					(current) -> new Outage((current != null) ? current.since() : Instant.now(), attempt, message));
		}
	}

	@Nullable Outage outage() {
		return this.outage.get();
	}

	@Nullable Instant lastAppliedAt() {
		return this.lastAppliedAt;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * The consumer cannot write because Cassandra is unavailable; it retries the same
	 * record until it can.
	 *
	 * @param since when the first attempt failed
	 * @param attempts failed attempts so far
	 * @param lastFailure the last failure
	 */
	record Outage(Instant since, int attempts, String lastFailure) {
	}

}
