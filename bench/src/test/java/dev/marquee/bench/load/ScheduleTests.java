package dev.marquee.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleTests {

	@Test
	void spacesIntendedSendTimesEvenlyFromTheStart() {
		Schedule schedule = new Schedule(1_000, 20);
		assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
		assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 50_000_000);
		assertThat(schedule.intendedNanos(20)).isEqualTo(1_000 + 1_000_000_000);
	}

	@Test
	void chargesLatencyFromTheIntendedTimeNotFromTheActualSend() {
		Schedule schedule = new Schedule(0, 10);
		// Request 3 was due at 300 ms; it only left at 900 ms behind a stall and took 5
		// ms.
		assertThat(schedule.latencyNanos(3, 905_000_000L)).isEqualTo(605_000_000L);
	}

	@Test
	void neverReportsNegativeLatency() {
		assertThat(new Schedule(0, 10).latencyNanos(5, 1)).isZero();
	}

	@Test
	void countsRequestsOfARun() {
		assertThat(new Schedule(0, 200).count(20_000_000_000L)).isEqualTo(4_000);
		assertThat(new Schedule(0, 0.5).count(1_000_000_000L)).isEqualTo(1);
	}

	@Test
	void rejectsANonPositiveRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(0, 0));
	}

}
