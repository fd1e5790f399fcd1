package dev.marquee.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class SoakSeriesTests {

	@Test
	void computesEachWindowsRatesSinceThePreviousSample() {
		List<SoakSeries.Window> windows = SoakSeries
			.windows(List.of(sample(10, 1_000, 5_000, 0), sample(20, 1_900, 10_000, 0), sample(25, 2_400, 12_500, 0)));
		assertThat(windows).extracting(SoakSeries.Window::elapsedSeconds).containsExactly(10.0, 20.0, 25.0);
		assertThat(windows).extracting(SoakSeries.Window::editsPerSecond).containsExactly(100.0, 90.0, 100.0);
		assertThat(windows).extracting(SoakSeries.Window::readsPerSecond).containsExactly(500.0, 500.0, 500.0);
	}

	@Test
	void countsTheErrorsOfEachWindow() {
		List<SoakSeries.Window> windows = SoakSeries
			.windows(List.of(new SoakSample(10, 0, 0, 40, Map.of(), Map.of(), 0, 0),
					new SoakSample(20, 0, 0, 42, Map.of(), Map.of(), 0, 0)));
		assertThat(windows).extracting(SoakSeries.Window::errors).containsExactly(40L, 2L);
	}

	@Test
	void answersNanForAWindowOfNoLength() {
		List<SoakSeries.Window> windows = SoakSeries.windows(List.of(sample(10, 100, 100, 0), sample(10, 100, 100, 0)));
		assertThat(windows.get(1).editsPerSecond()).isNaN();
	}

	@Test
	void takesTheFirstAndLastThirdLeavingUnknownValuesOut() {
		SoakSeries.Thirds thirds = SoakSeries.Thirds.of(List.of(1.0, Double.NaN, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0),
				Double::doubleValue);
		assertThat(thirds.first()).containsExactly(1.0);
		assertThat(thirds.last()).containsExactly(7.0, 8.0);
		assertThat(SoakSeries.Thirds.of(List.of(1.0, 2.0), Double::doubleValue).first()).isEmpty();
	}

	@Test
	void takesMedians() {
		assertThat(SoakSeries.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
		assertThat(SoakSeries.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
		assertThat(SoakSeries.median(List.of())).isNaN();
	}

	@Test
	void flagsHeapGrowthAboveTwentyPercent() {
		// A single full GC spike in the first third does not hide growth: medians, not
		// means.
		SoakSeries.Growth growing = SoakSeries.Growth.of(SoakSeries.Thirds
			.of(List.of(100.0, 400.0, 100.0, 110.0, 115.0, 120.0, 125.0, 130.0, 125.0), Double::doubleValue));
		assertThat(growing.firstMedian()).isEqualTo(100.0);
		assertThat(growing.lastMedian()).isEqualTo(125.0);
		assertThat(growing.growth()).isCloseTo(0.25, offset(1e-9));
		assertThat(growing.flagged()).isTrue();
		SoakSeries.Growth steady = SoakSeries.Growth.of(SoakSeries.Thirds
			.of(List.of(100.0, 100.0, 100.0, 300.0, 100.0, 100.0, 118.0, 119.0, 90.0), Double::doubleValue));
		assertThat(steady.growth()).isCloseTo(0.18, offset(1e-9));
		assertThat(steady.flagged()).isFalse();
	}

	@Test
	void cannotJudgeHeapGrowthWithoutEnoughSamples() {
		SoakSeries.Growth growth = SoakSeries.Growth.of(SoakSeries.Thirds.of(List.of(1.0, 5.0), Double::doubleValue));
		assertThat(growth.known()).isFalse();
		assertThat(growth.flagged()).isFalse();
	}

	@Test
	void callsLagBoundedWhileTheLastThirdStaysUnderTwiceTheFirstPlusAHundred() {
		SoakSeries.LagBound bounded = SoakSeries.LagBound.of(List.of(sample(1, 0, 0, 50), sample(2, 0, 0, 900),
				sample(3, 0, 0, 10), sample(4, 0, 0, 80), sample(5, 0, 0, 100), sample(6, 0, 0, 200)));
		assertThat(bounded.max()).isEqualTo(900);
		assertThat(bounded.firstMax()).isEqualTo(900);
		assertThat(bounded.lastMax()).isEqualTo(200);
		assertThat(bounded.bounded()).isTrue();
		SoakSeries.LagBound growing = SoakSeries.LagBound.of(List.of(sample(1, 0, 0, 10), sample(2, 0, 0, 50),
				sample(3, 0, 0, 90), sample(4, 0, 0, 150), sample(5, 0, 0, 199), sample(6, 0, 0, 201)));
		assertThat(growing.limit()).isEqualTo(200);
		assertThat(growing.bounded()).isFalse();
	}

	@Test
	void cannotJudgeLagWhenDataConsumerNeverAnswered() {
		SoakSeries.LagBound lag = SoakSeries.LagBound
			.of(List.of(sample(1, 0, 0, Double.NaN), sample(2, 0, 0, Double.NaN), sample(3, 0, 0, Double.NaN)));
		assertThat(lag.max()).isNaN();
		assertThat(lag.known()).isFalse();
		assertThat(lag.bounded()).isFalse();
	}

	@Test
	void acceptsAchievedRatesFromNinetyFivePercentOfTheRequestedOnes() {
		assertThat(SoakSeries.onTarget(100, 95)).isTrue();
		assertThat(SoakSeries.onTarget(100, 94.9)).isFalse();
		assertThat(SoakSeries.onTarget(0, 0)).isTrue();
	}

	private static SoakSample sample(double elapsed, long edits, long reads, double lag) {
		return new SoakSample(elapsed, edits, reads, 0, Map.of("ingestion", 1.0), Map.of("ingestion", 2.0), lag, 0);
	}

}
