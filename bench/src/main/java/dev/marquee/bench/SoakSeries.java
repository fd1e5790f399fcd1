package dev.marquee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The arithmetic of the soak's verdict: rates per sampling window, and the comparison of
 * the first third of a run with its last third (heap after GC must not grow, Kafka lag
 * must stay bounded).
 */
final class SoakSeries {

	/**
	 * Heap after GC may grow this much (fraction) from the first third's median to the
	 * last third's.
	 */
	static final double HEAP_GROWTH_LIMIT = 0.20;

	/**
	 * The last third's lag may reach the first third's max × this plus {@link #LAG_SLACK}
	 * records.
	 */
	static final double LAG_FACTOR = 2;

	static final double LAG_SLACK = 100;

	/** Achieved rates count as on target from this fraction of the requested one. */
	static final double RATE_TOLERANCE = 0.95;

	private SoakSeries() {
	}

	/**
	 * What was achieved between one sample and the one before (the first window starts
	 * when the load started).
	 *
	 * @param elapsedSeconds the window's end
	 * @param editsPerSecond edits accepted per second in the window
	 * @param readsPerSecond reads served per second in the window
	 * @param errors edits and reads that failed in the window
	 */
	record Window(double elapsedSeconds, double editsPerSecond, double readsPerSecond, long errors) {

	}

	static List<Window> windows(List<SoakSample> samples) {
		List<Window> windows = new ArrayList<>();
		double since = 0;
		long edits = 0;
		long reads = 0;
		long errors = 0;
		for (SoakSample sample : samples) {
			double seconds = sample.elapsedSeconds() - since;
			windows.add(new Window(sample.elapsedSeconds(), perSecond(sample.editsAccepted() - edits, seconds),
					perSecond(sample.readsServed() - reads, seconds), sample.errors() - errors));
			since = sample.elapsedSeconds();
			edits = sample.editsAccepted();
			reads = sample.readsServed();
			errors = sample.errors();
		}
		return windows;
	}

	static double perSecond(long count, double seconds) {
		return (seconds > 0) ? count / seconds : Double.NaN;
	}

	/**
	 * The first and the last third of a series (each {@code n / 3} values, none when
	 * there are fewer than 3), unknown (NaN) values left out.
	 *
	 * @param first the start of the run
	 * @param last its end
	 */
	record Thirds(List<Double> first, List<Double> last) {

		static <T> Thirds of(List<T> series, ToDoubleFunction<T> value) {
			int third = series.size() / 3;
			List<Double> first = new ArrayList<>();
			List<Double> last = new ArrayList<>();
			for (int i = 0; i < third; i++) {
				add(first, value.applyAsDouble(series.get(i)));
				add(last, value.applyAsDouble(series.get(series.size() - third + i)));
			}
			return new Thirds(first, last);
		}

		private static void add(List<Double> values, double value) {
			if (!Double.isNaN(value)) {
				values.add(value);
			}
		}

	}

	/**
	 * Heap-after-GC growth of one service.
	 *
	 * @param firstMedian median of the first third
	 * @param lastMedian median of the last third
	 * @param growth {@code last / first - 1}, NaN when either is unknown
	 */
	record Growth(double firstMedian, double lastMedian, double growth) {

		static Growth of(Thirds thirds) {
			double first = median(thirds.first());
			double last = median(thirds.last());
			return new Growth(first, last, (first > 0 && !Double.isNaN(last)) ? last / first - 1 : Double.NaN);
		}

		boolean known() {
			return !Double.isNaN(this.growth);
		}

		boolean flagged() {
			return known() && this.growth > HEAP_GROWTH_LIMIT;
		}

	}

	/**
	 * Whether Kafka lag stayed bounded.
	 *
	 * @param max the largest lag of the run
	 * @param firstMax the largest in the first third
	 * @param lastMax the largest in the last third
	 */
	record LagBound(double max, double firstMax, double lastMax) {

		static LagBound of(List<SoakSample> samples) {
			Thirds thirds = Thirds.of(samples, SoakSample::kafkaLag);
			double max = Double.NaN;
			for (SoakSample sample : samples) {
				if (!Double.isNaN(sample.kafkaLag())) {
					max = Double.isNaN(max) ? sample.kafkaLag() : Math.max(max, sample.kafkaLag());
				}
			}
			return new LagBound(max, SoakSeries.max(thirds.first()), SoakSeries.max(thirds.last()));
		}

		boolean known() {
			return !Double.isNaN(this.firstMax) && !Double.isNaN(this.lastMax);
		}

		double limit() {
			return this.firstMax * LAG_FACTOR + LAG_SLACK;
		}

		boolean bounded() {
			return known() && this.lastMax <= limit();
		}

	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/**
	 * Whether a load kept up.
	 * @param requested the rate asked for
	 * @param achieved the rate achieved over the whole run
	 * @return true from {@link #RATE_TOLERANCE} of the requested rate
	 */
	static boolean onTarget(double requested, double achieved) {
		return requested <= 0 || achieved >= requested * RATE_TOLERANCE;
	}

}
