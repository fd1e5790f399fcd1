package dev.marquee.bench.load;

import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixedRateLoadTests {

	private static final long MS = 1_000_000L;

	/**
	 * A simulated clock: pacing jumps it forward, requests advance it by their service
	 * time.
	 */
	private final AtomicLong now = new AtomicLong();

	private final FixedRateLoad load = new FixedRateLoad(this.now::get,
			(deadline) -> this.now.accumulateAndGet(deadline, Math::max), new CallerRuns());

	@Test
	void chargesAStallToEveryRequestQueuedBehindIt() {
		// 10 requests at 10/s (due every 100 ms), one worker; each takes 10 ms except
		// request 0, which stalls 1 s.
		Latencies latencies = this.load.run(10, 10,
				(index, intended) -> this.now.addAndGet((index == 0) ? 1000 * MS : 10 * MS), (done) -> {
				});
		LatencySummary summary = latencies.summary();
		assertThat(summary.count()).isEqualTo(10);
		assertThat(summary.maxMs()).isEqualTo(1000.0, org.assertj.core.data.Offset.offset(1.0));
		// Request 1 was due at 100 ms, left at 1000 ms, answered at 1010 ms: 910 ms, not
		// its 10 ms service time.
		// A closed-loop tool would report nine 10 ms latencies; here the median is
		// several hundred ms.
		assertThat(summary.p50Ms()).isGreaterThan(400);
		assertThat(summary.p90Ms()).isGreaterThan(800);
	}

	@Test
	void reportsServiceTimeWhenNothingQueues() {
		Latencies latencies = this.load.run(10, 10, (index, intended) -> this.now.addAndGet(10 * MS), (done) -> {
		});
		assertThat(latencies.summary().maxMs()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(0.1));
		assertThat(latencies.summary().p50Ms()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(0.1));
	}

	@Test
	void countsFailuresApartFromLatencies() {
		Latencies latencies = this.load.run(100, 10, (index, intended) -> {
			if (index % 2 == 0) {
				throw new IllegalStateException("refused");
			}
		}, (done) -> {
		});
		assertThat(latencies.count()).isEqualTo(5);
		assertThat(latencies.errors()).isEqualTo(5);
	}

	@Test
	void passesEachRequestItsIntendedTime() {
		AtomicLong lastIntended = new AtomicLong(-1);
		this.load.run(4, 5, (index, intended) -> lastIntended.set(intended), (done) -> {
		});
		assertThat(lastIntended.get()).isEqualTo(4 * 250 * MS);
	}

	/**
	 * Runs each task on the calling thread, like one worker that is always free when the
	 * next one is due.
	 */
	private static final class CallerRuns extends AbstractExecutorService {

		@Override
		public void execute(Runnable command) {
			command.run();
		}

		@Override
		public void shutdown() {
		}

		@Override
		public java.util.List<Runnable> shutdownNow() {
			return java.util.List.of();
		}

		@Override
		public boolean isShutdown() {
			return false;
		}

		@Override
		public boolean isTerminated() {
			return false;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return true;
		}

	}

}
