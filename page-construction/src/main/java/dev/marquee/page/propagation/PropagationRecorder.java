package dev.marquee.page.propagation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;

/**
 * Records when a new content version of a published page became readable on a read path:
 * the {@code marquee.propagation} timer (tagged {@code path}), an HdrHistogram per path,
 * and the last {@value #RECENT_EDITS} edits with their visibility time on each path. On
 * the Hollow path a second figure, {@code marquee.propagation.folded}, records when a
 * Hollow state containing the version was installed.
 */
@Component
public class PropagationRecorder {

	static final int RECENT_EDITS = 200;

	// One hour in microseconds: anything slower is clamped, the near cache's default
	// cycle is 30 s.
	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private final Map<ReadPath, Timer> timers = new EnumMap<>(ReadPath.class);

	private final Map<ReadPath, Histogram> histograms = new EnumMap<>(ReadPath.class);

	private final Map<ReadPath, Timer> foldedTimers = new EnumMap<>(ReadPath.class);

	private final Map<ReadPath, Histogram> foldedHistograms = new EnumMap<>(ReadPath.class);

	private final Map<String, RecentEdit> recent = new LinkedHashMap<>(RECENT_EDITS * 2, 0.75f, false) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RecentEdit> eldest) {
			return size() > RECENT_EDITS;
		}

	};

	public PropagationRecorder(MeterRegistry registry) {
		for (ReadPath path : ReadPath.values()) {
			this.timers.put(path,
					Timer.builder("marquee.propagation")
						.description("Edit accepted by ingestion until the new version is readable on the path")
						.tag("path", path.name())
						.publishPercentileHistogram()
						.publishPercentiles(0.5, 0.9, 0.99)
						.minimumExpectedValue(Duration.ofMillis(1))
						.maximumExpectedValue(Duration.ofMinutes(5))
						.register(registry));
			this.histograms.put(path, new SynchronizedHistogram(HIGHEST_MICROS, 3));
		}
		// Only the Hollow path has a second stage: an edit readable through the overlay
		// is later folded into a state.
		this.foldedTimers.put(ReadPath.HOLLOW,
				Timer.builder("marquee.propagation.folded")
					.description("Edit accepted by ingestion until a Hollow state containing it is installed")
					.tag("path", ReadPath.HOLLOW.name())
					.publishPercentileHistogram()
					.publishPercentiles(0.5, 0.9, 0.99)
					.minimumExpectedValue(Duration.ofMillis(1))
					.maximumExpectedValue(Duration.ofMinutes(5))
					.register(registry));
		this.foldedHistograms.put(ReadPath.HOLLOW, new SynchronizedHistogram(HIGHEST_MICROS, 3));
	}

	/**
	 * A new version of a published page became readable on a path.
	 * @param path the path it is readable on
	 * @param page the page (its version, ingestion time and slug)
	 * @param visibleAt when it became readable
	 */
	public void visible(ReadPath path, Page page, Instant visibleAt) {
		Duration latency = Duration.between(page.ingestedAt(), visibleAt);
		if (latency.isNegative()) {
			// Ingestion runs on another host whose clock may be ahead; a negative latency
			// is clock skew.
			latency = Duration.ZERO;
		}
		this.timers.get(path).record(latency);
		this.histograms.get(path).recordValue(Math.min(HIGHEST_MICROS, latency.toNanos() / 1000));
		String key = page.pageId() + "@" + page.contentVersion();
		synchronized (this.recent) {
			RecentEdit edit = this.recent.computeIfAbsent(key, (k) -> new RecentEdit(page.pageId(), page.slug(),
					page.contentVersion(), page.ingestedAt(), new EnumMap<>(ReadPath.class)));
			edit.visibleAt().putIfAbsent(path, visibleAt);
		}
	}

	/**
	 * A new version of a published page was folded into a Hollow state that is now
	 * installed (it may have been readable earlier, through the overlay): the
	 * {@code marquee.propagation.folded} figure.
	 * @param path the path ({@link ReadPath#HOLLOW}; other paths have no second stage and
	 * are ignored)
	 * @param page the page
	 * @param foldedAt when the state holding it was installed
	 */
	public void folded(ReadPath path, Page page, Instant foldedAt) {
		Timer timer = this.foldedTimers.get(path);
		if (timer == null) {
			return;
		}
		Duration latency = Duration.between(page.ingestedAt(), foldedAt);
		if (latency.isNegative()) {
			latency = Duration.ZERO;
		}
		timer.record(latency);
		this.foldedHistograms.get(path).recordValue(Math.min(HIGHEST_MICROS, latency.toNanos() / 1000));
	}

	/**
	 * @return percentiles per path and the recent edits, newest first
	 */
	public PropagationReport report() {
		Map<ReadPath, PathLatency> paths = new EnumMap<>(ReadPath.class);
		this.histograms.forEach((path, histogram) -> paths.put(path, PathLatency.of(histogram.copy())));
		Map<ReadPath, PathLatency> folded = new EnumMap<>(ReadPath.class);
		this.foldedHistograms.forEach((path, histogram) -> folded.put(path, PathLatency.of(histogram.copy())));
		List<RecentEditView> edits = new ArrayList<>();
		synchronized (this.recent) {
			for (RecentEdit edit : this.recent.values()) {
				edits.add(edit.view());
			}
		}
		Collections.reverse(edits);
		return new PropagationReport(paths, edits, folded);
	}

	/**
	 * Forgets every recorded latency and edit (the dashboard's and the benchmark's
	 * reset).
	 */
	public void reset() {
		this.histograms.values().forEach(Histogram::reset);
		this.foldedHistograms.values().forEach(Histogram::reset);
		synchronized (this.recent) {
			this.recent.clear();
		}
	}

	private record RecentEdit(String pageId, String slug, long contentVersion, Instant ingestedAt,
			Map<ReadPath, Instant> visibleAt) {

		RecentEditView view() {
			Map<ReadPath, Instant> at = new EnumMap<>(this.visibleAt);
			Map<ReadPath, Long> millis = new EnumMap<>(ReadPath.class);
			at.forEach((path, instant) -> millis.put(path, Duration.between(this.ingestedAt, instant).toMillis()));
			return new RecentEditView(this.pageId, this.slug, this.contentVersion, this.ingestedAt, at, millis);
		}

	}

	/**
	 * Propagation latencies per path and the most recent edits.
	 *
	 * @param paths latency percentiles per path
	 * @param recentEdits the newest edits first
	 * @param folded per path with a second stage (HOLLOW): ingestion → folded into an
	 * installed Hollow state
	 */
	public record PropagationReport(Map<ReadPath, PathLatency> paths, List<RecentEditView> recentEdits,
			Map<ReadPath, PathLatency> folded) {
	}

	/**
	 * Latency distribution of one path, in milliseconds.
	 *
	 * @param count how many versions were measured
	 * @param p50Ms median
	 * @param p90Ms 90th percentile
	 * @param p99Ms 99th percentile
	 * @param maxMs the slowest
	 * @param meanMs the mean
	 */
	public record PathLatency(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {

		static PathLatency of(Histogram micros) {
			if (micros.getTotalCount() == 0) {
				return new PathLatency(0, 0, 0, 0, 0, 0);
			}
			return new PathLatency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
					ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()),
					Math.round(micros.getMean()) / 1000.0);
		}

		private static double ms(long micros) {
			return micros / 1000.0;
		}

	}

	/**
	 * One edit and when it became visible on each path.
	 *
	 * @param pageId the page
	 * @param slug its slug
	 * @param contentVersion the version
	 * @param ingestedAt when ingestion accepted it
	 * @param visibleAt when it became readable, per path
	 * @param latencyMs ingestion → visible in milliseconds, per path
	 */
	public record RecentEditView(String pageId, String slug, long contentVersion, Instant ingestedAt,
			Map<ReadPath, Instant> visibleAt, Map<ReadPath, Long> latencyMs) {
	}

	@Nullable Timer timer(ReadPath path) {
		return this.timers.get(path);
	}

}
