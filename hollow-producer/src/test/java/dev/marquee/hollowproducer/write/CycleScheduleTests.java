package dev.marquee.hollowproducer.write;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.marquee.hollowproducer.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the next producer cycle may start: the interval, the pending threshold and the
 * duty bound that keeps cycles, whose cost grows with the whole state, from taking the
 * cores.
 */
class CycleScheduleTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void aShortCycleLeavesTheIntervalInCharge() {
		long start = 1_000 * SECOND;
		assertThat(CycleRunner.nextStart(start, SECOND / 10, Duration.ofSeconds(1), 0.25, Duration.ofSeconds(5)))
			.isEqualTo(start + SECOND);
	}

	@Test
	void aLongCycleDelaysTheNextToKeepItsShareOfTimeAtTheDuty() {
		long start = 1_000 * SECOND;
		// 600 ms at a duty of 0.25: the next may start 2.4 s after this one began
		assertThat(
				CycleRunner.nextStart(start, 600 * SECOND / 1000, Duration.ofSeconds(1), 0.25, Duration.ofSeconds(5)))
			.isEqualTo(start + 2_400 * SECOND / 1000);
		assertThat(CycleRunner.nextStart(start, 600 * SECOND / 1000, Duration.ZERO, 1.0, Duration.ofSeconds(5)))
			.isEqualTo(start + 600 * SECOND / 1000);
	}

	@Test
	void aVeryLongCycleHoldsTheNextBackAtMostTheMaxPauseAfterItEnded() {
		long start = 1_000 * SECOND;
		// 20 s on a cold JIT: by the duty alone the next would wait 80 s, the cap makes
		// it 25 s
		assertThat(CycleRunner.nextStart(start, 20 * SECOND, Duration.ofSeconds(1), 0.25, Duration.ofSeconds(5)))
			.isEqualTo(start + 25 * SECOND);
	}

	@Test
	void noFoldMeansNoFloor() {
		long start = 1_000 * SECOND;
		assertThat(CycleRunner.nextStart(start, 0, Duration.ZERO, 0.25, Duration.ofSeconds(5))).isEqualTo(start);
	}

	@Test
	void enoughPendingEntriesDoNotEndTheWaitBeforeTheFloor() throws Exception {
		PendingChanges pending = new PendingChanges();
		pending.add(1, change("p-1"), Integer.MAX_VALUE);
		pending.add(2, change("p-2"), Integer.MAX_VALUE);
		long floor = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
		PendingChanges.Fold fold = pending.awaitFold(floor, floor + 3_600 * SECOND, 1);
		assertThat(System.nanoTime()).isGreaterThanOrEqualTo(floor);
		assertThat(fold.entries()).isEqualTo(2);
		assertThat(fold.highestOffset()).isEqualTo(2);
	}

	@Test
	void aWakeUpEndsTheWaitBeforeTheFloor() throws Exception {
		PendingChanges pending = new PendingChanges();
		pending.add(1, change("p-1"), Integer.MAX_VALUE);
		long floor = System.nanoTime() + 3_600 * SECOND;
		CompletableFuture<PendingChanges.Fold> fold = CompletableFuture.supplyAsync(() -> {
			try {
				return pending.awaitFold(floor, floor, 1);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		pending.wakeUp();
		assertThat(fold.get(30, TimeUnit.SECONDS).entries()).isEqualTo(1);
		assertThat(System.nanoTime()).isLessThan(floor);
	}

	private static ChangeEnvelope change(String pageId) {
		return ChangeEnvelope.of(Pages.upsert(pageId, 1, "title of " + pageId));
	}

}
