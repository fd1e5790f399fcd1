package dev.marquee.hollowproducer.write;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Meters of the producer cycles ({@code marquee.hollow.*}) and the last cycle's outcome
 * for the health endpoint.
 */
final class CycleMetrics {

	private final MeterRegistry meters;

	private final DistributionSummary recordsPerCycle;

	private final DistributionSummary entriesPerCycle;

	private final AtomicLong version = new AtomicLong(-1);

	private final AtomicLong cycles = new AtomicLong();

	private volatile @Nullable LastCycle lastCycle;

	CycleMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.recordsPerCycle = DistributionSummary.builder("marquee.hollow.cycle.records")
			.description("Page records written per producer cycle")
			.register(meters);
		this.entriesPerCycle = DistributionSummary.builder("marquee.hollow.cycle.entries")
			.description("Write-log entries folded into one producer cycle")
			.register(meters);
		Gauge.builder("marquee.hollow.version", this.version, AtomicLong::get)
			.description("The Hollow version last announced")
			.register(meters);
	}

	void versionRestored(long restored) {
		this.version.set(restored);
	}

	void cycleSucceeded(long nanos, long newVersion, int records, int entries) {
		timer("success").record(nanos, TimeUnit.NANOSECONDS);
		this.recordsPerCycle.record(records);
		this.entriesPerCycle.record(entries);
		this.version.set(newVersion);
		if (records > 0) {
			this.cycles.incrementAndGet();
		}
		this.lastCycle = new LastCycle("SUCCESS", Instant.now(), nanos / 1_000_000, records, null);
	}

	void cycleFailed(long nanos, Throwable failure) {
		timer("failure").record(nanos, TimeUnit.NANOSECONDS);
		this.lastCycle = new LastCycle("FAILURE", Instant.now(), nanos / 1_000_000, 0, failure.toString());
	}

	private Timer timer(String outcome) {
		return Timer.builder("marquee.hollow.cycle")
			.description("Producer cycle duration: fold the log entries, publish (fsync) and announce")
			.tag("outcome", outcome)
			.publishPercentiles(0.5, 0.99)
			.register(this.meters);
	}

	long version() {
		return this.version.get();
	}

	long cycles() {
		return this.cycles.get();
	}

	@Nullable LastCycle lastCycle() {
		return this.lastCycle;
	}

	/**
	 * The last cycle, for the health endpoint.
	 *
	 * @param outcome SUCCESS or FAILURE
	 * @param at when it ended
	 * @param durationMillis how long it took
	 * @param records how many records it wrote
	 * @param error why it failed
	 */
	record LastCycle(String outcome, Instant at, long durationMillis, int records, @Nullable String error) {
	}

}
