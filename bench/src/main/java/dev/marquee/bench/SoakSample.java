package dev.marquee.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.marquee.bench.platform.Metrics;
import dev.marquee.model.json.MarqueeJson;

/**
 * One point of the soak's time series, and how each of its values is read from the
 * services' scrapes.
 *
 * @param elapsedSeconds since the load started
 * @param editsAccepted edits accepted so far
 * @param readsServed page reads answered 200 so far
 * @param errors edits and reads that failed so far
 * @param heapAfterGcBytes per service, {@code jvm_gc_live_data_size_bytes} (NaN when the
 * service did not answer)
 * @param heapUsedBytes per service, {@code jvm_memory_used_bytes{area="heap"}}
 * @param kafkaLag data-consumer's records behind on {@code marquee.page-changes}, summed
 * over partitions
 * @param hollowGapMillis how far page-construction's Hollow state is behind
 * hollow-producer's announcement
 */
record SoakSample(double elapsedSeconds, long editsAccepted, long readsServed, long errors,
		Map<String, Double> heapAfterGcBytes, Map<String, Double> heapUsedBytes, double kafkaLag,
		double hollowGapMillis) {

	static final String PAGE_CHANGES = "marquee.page-changes";

	static final String LIVE_DATA = "jvm_gc_live_data_size_bytes";

	static final String MEMORY_USED = "jvm_memory_used_bytes";

	static final String RECORDS_LAG = "kafka_consumer_fetch_manager_records_lag";

	static final String HOLLOW_VERSION = "marquee_hollow_version";

	// Hollow's default version minter: the UTC time of the cycle, to the millisecond, as
	// digits.
	private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS");

	/**
	 * The heap after the last GC (old generation live data), summed over label sets.
	 * @param metrics a service's scrape
	 * @return bytes, NaN when absent or still 0 (G1 reports 0 until its first collection
	 * that measures live data, which would read as a heap that grew from nothing)
	 */
	static double heapAfterGc(Metrics metrics) {
		double bytes = finiteSum(metrics, LIVE_DATA, Map.of());
		return (bytes > 0) ? bytes : Double.NaN;
	}

	/**
	 * The heap in use now (all heap pools).
	 * @param metrics a service's scrape
	 * @return bytes, NaN when absent
	 */
	static double heapUsed(Metrics metrics) {
		return finiteSum(metrics, MEMORY_USED, Map.of("area", "heap"));
	}

	/**
	 * data-consumer's lag on the page-changes topic. Kafka's metrics carry each topic
	 * twice (as named and with dots replaced by underscores), so only the exact topic
	 * name counts. Falls back to {@code records_lag_max}, which clients without
	 * per-partition lag expose.
	 * @param metrics data-consumer's scrape
	 * @return records behind, NaN when neither metric has a number
	 */
	static double kafkaLag(Metrics metrics) {
		double lag = finiteSum(metrics, RECORDS_LAG, Map.of("topic", PAGE_CHANGES));
		return Double.isNaN(lag) ? finiteSum(metrics, RECORDS_LAG + "_max", Map.of("topic", PAGE_CHANGES)) : lag;
	}

	/**
	 * The producer's announced version from its gauge: a double, so only a fallback
	 * (versions above 2^53 lose their last digits).
	 * @param metrics hollow-producer's scrape
	 * @return the version, -1 when absent
	 */
	static long announcedFromGauge(Metrics metrics) {
		double version = finiteSum(metrics, HOLLOW_VERSION, Map.of());
		return Double.isNaN(version) ? -1 : (long) version;
	}

	/**
	 * page-construction's current Hollow version, from its health details
	 * ({@code hollowConsumer.version}).
	 * @param healthJson the body of {@code /actuator/health} read as admin
	 * @return the version, -1 when absent
	 */
	static long consumerVersion(String healthJson) {
		try {
			JsonNode version = MarqueeJson.mapper()
				.readTree(healthJson)
				.path("components")
				.path("hollowConsumer")
				.path("details")
				.path("version");
			return version.isIntegralNumber() ? version.longValue() : -1;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * How far a consumer is behind the announced version, in milliseconds of version time
	 * when both are Hollow timestamp versions, else in version units.
	 * @param announced the producer's announced version (-1 unknown)
	 * @param current the consumer's version (-1 unknown)
	 * @return 0 when caught up, NaN when either is unknown
	 */
	static double hollowGapMillis(long announced, long current) {
		if (announced < 0 || current < 0) {
			return Double.NaN;
		}
		if (announced <= current) {
			return 0;
		}
		LocalDateTime announcedAt = versionTime(announced);
		LocalDateTime currentAt = versionTime(current);
		if (announcedAt != null && currentAt != null) {
			return Duration.between(currentAt.toInstant(ZoneOffset.UTC), announcedAt.toInstant(ZoneOffset.UTC))
				.toMillis();
		}
		return announced - current;
	}

	static @Nullable LocalDateTime versionTime(long version) {
		String digits = Long.toString(version);
		if (digits.length() != 17) {
			return null;
		}
		try {
			return LocalDateTime.parse(digits, VERSION_TIME);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Sums matching samples, skipping NaN (Kafka reports NaN for a window without
	 * fetches).
	 */
	static double finiteSum(Metrics metrics, String name, Map<String, String> labels) {
		double total = 0;
		boolean found = false;
		for (Metrics.Sample sample : metrics.samples()) {
			if (sample.name().equals(name) && Double.isFinite(sample.value()) && hasLabels(sample, labels)) {
				total += sample.value();
				found = true;
			}
		}
		return found ? total : Double.NaN;
	}

	private static boolean hasLabels(Metrics.Sample sample, Map<String, String> labels) {
		for (Map.Entry<String, String> label : labels.entrySet()) {
			if (!label.getValue().equals(sample.labels().get(label.getKey()))) {
				return false;
			}
		}
		return true;
	}

}
