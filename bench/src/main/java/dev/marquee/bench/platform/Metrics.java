package dev.marquee.bench.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One scrape of a Prometheus text exposition ({@code /actuator/prometheus}), and the
 * arithmetic the benchmark needs on two scrapes: a histogram's quantile over only the
 * observations made between them (PromQL's {@code histogram_quantile} over a bucket
 * increase), so numbers cover exactly the benchmark's own traffic.
 */
public final class Metrics {

	/** A scrape of nothing, for a service that could not be reached. */
	public static final Metrics EMPTY = new Metrics(List.of());

	/**
	 * One sample.
	 *
	 * @param name the metric name
	 * @param labels its labels
	 * @param value its value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

		boolean matches(String name, Map<String, String> subset) {
			if (!this.name.equals(name)) {
				return false;
			}
			for (Map.Entry<String, String> label : subset.entrySet()) {
				if (!label.getValue().equals(this.labels.get(label.getKey()))) {
					return false;
				}
			}
			return true;
		}

	}

	private final List<Sample> samples;

	Metrics(List<Sample> samples) {
		this.samples = List.copyOf(samples);
	}

	public List<Sample> samples() {
		return this.samples;
	}

	public boolean isEmpty() {
		return this.samples.isEmpty();
	}

	/**
	 * Parses the text format.
	 * @param text the exposition
	 * @return the samples
	 */
	public static Metrics parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String raw : text.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Sample sample = parseLine(line);
			if (sample != null) {
				samples.add(sample);
			}
		}
		return new Metrics(samples);
	}

	private static Sample parseLine(String line) {
		int brace = line.indexOf('{');
		int space = line.indexOf(' ');
		String name;
		Map<String, String> labels = new LinkedHashMap<>();
		int rest;
		if (brace >= 0 && (space < 0 || brace < space)) {
			name = line.substring(0, brace);
			int i = brace + 1;
			while (i < line.length() && line.charAt(i) != '}') {
				int eq = line.indexOf('=', i);
				if (eq < 0) {
					return null;
				}
				String key = line.substring(i, eq).strip();
				int quote = line.indexOf('"', eq);
				StringBuilder value = new StringBuilder();
				int j = quote + 1;
				for (; j < line.length() && line.charAt(j) != '"'; j++) {
					char c = line.charAt(j);
					if (c == '\\' && j + 1 < line.length()) {
						char next = line.charAt(++j);
						value.append((next == 'n') ? '\n' : next);
					}
					else {
						value.append(c);
					}
				}
				labels.put(key, value.toString());
				i = j + 1;
				while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
					i++;
				}
			}
			rest = i + 1;
		}
		else {
			if (space < 0) {
				return null;
			}
			name = line.substring(0, space);
			rest = space;
		}
		String[] tail = line.substring(Math.min(rest, line.length())).strip().split("\\s+");
		if (tail.length == 0 || tail[0].isEmpty()) {
			return null;
		}
		return new Sample(name, labels, number(tail[0]));
	}

	static double number(String text) {
		return switch (text) {
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			case "NaN" -> Double.NaN;
			default -> Double.parseDouble(text);
		};
	}

	/**
	 * The sum of the matching samples.
	 * @param name the metric
	 * @param labels labels the samples must have
	 * @return the sum, empty when none matches
	 */
	public OptionalDouble sum(String name, Map<String, String> labels) {
		double total = 0;
		boolean found = false;
		for (Sample sample : this.samples) {
			if (sample.matches(name, labels)) {
				total += sample.value();
				found = true;
			}
		}
		return found ? OptionalDouble.of(total) : OptionalDouble.empty();
	}

	/**
	 * How much a counter grew since an earlier scrape.
	 * @param before the earlier scrape (empty counts as zero)
	 * @param name the counter
	 * @param labels labels it must have
	 * @return the increase, empty when this scrape lacks it
	 */
	public OptionalDouble increase(Metrics before, String name, Map<String, String> labels) {
		OptionalDouble now = sum(name, labels);
		if (now.isEmpty()) {
			return now;
		}
		return OptionalDouble.of(now.getAsDouble() - before.sum(name, labels).orElse(0));
	}

	/**
	 * A quantile of the observations a histogram made since an earlier scrape,
	 * interpolated linearly within the bucket it falls in (as Prometheus does).
	 * @param before the earlier scrape
	 * @param histogram the histogram's base name, e.g.
	 * {@code marquee_cassandra_row_visible_seconds}
	 * @param labels labels its series must have (matching series are added together)
	 * @param quantile 0 to 1
	 * @return the value in the histogram's unit, empty when nothing was observed in
	 * between
	 */
	public OptionalDouble quantileSince(Metrics before, String histogram, Map<String, String> labels, double quantile) {
		TreeMap<Double, Double> now = buckets(histogram, labels);
		TreeMap<Double, Double> then = before.buckets(histogram, labels);
		TreeMap<Double, Double> delta = new TreeMap<>();
		now.forEach((le, count) -> delta.put(le, count - then.getOrDefault(le, 0.0)));
		return quantile(delta, quantile);
	}

	/**
	 * The number of observations a histogram made since an earlier scrape.
	 * @param before the earlier scrape
	 * @param histogram the base name
	 * @param labels labels its series must have
	 * @return the count
	 */
	public long countSince(Metrics before, String histogram, Map<String, String> labels) {
		return Math.round(increase(before, histogram + "_count", labels).orElse(0));
	}

	/**
	 * The quantile of cumulative buckets.
	 * @param cumulative upper bound → cumulative count, including +Inf
	 * @param quantile 0 to 1
	 * @return the interpolated value, empty when the total is zero
	 */
	static OptionalDouble quantile(TreeMap<Double, Double> cumulative, double quantile) {
		if (cumulative.isEmpty()) {
			return OptionalDouble.empty();
		}
		double total = cumulative.lastEntry().getValue();
		if (!(total > 0)) {
			return OptionalDouble.empty();
		}
		double rank = quantile * total;
		double lowerBound = 0;
		double lowerCount = 0;
		for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return OptionalDouble.of(lowerBound);
				}
				double inBucket = bucket.getValue() - lowerCount;
				double fraction = (inBucket > 0) ? (rank - lowerCount) / inBucket : 1;
				return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return OptionalDouble.of(lowerBound);
	}

	private TreeMap<Double, Double> buckets(String histogram, Map<String, String> labels) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		for (Sample sample : this.samples) {
			if (sample.matches(histogram + "_bucket", labels) && sample.labels().containsKey("le")) {
				buckets.merge(number(sample.labels().get("le")), sample.value(), Double::sum);
			}
		}
		return buckets;
	}

}
