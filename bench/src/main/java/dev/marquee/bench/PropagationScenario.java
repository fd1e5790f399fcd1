package dev.marquee.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import dev.marquee.sample.Delivery;
import dev.marquee.bench.load.FixedRateLoad;
import dev.marquee.bench.load.Latencies;
import dev.marquee.bench.load.LatencySummary;
import dev.marquee.bench.platform.Metrics;
import dev.marquee.bench.platform.OverlaySwitch;
import dev.marquee.bench.platform.ProcessCpu;
import dev.marquee.bench.platform.WebhookClient;
import dev.marquee.bench.report.ProgressBar;
import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;
import dev.marquee.model.ReadPath;

/**
 * {@code propagation}: preload a dataset, then publish edits through the signed webhook
 * at a fixed rate and poll both read paths until each edit is readable; per-path
 * distributions, their ratio, and the stages.
 */
final class PropagationScenario {

	private PropagationScenario() {
	}

	/**
	 * What one run measures.
	 *
	 * @param elements dataset size
	 * @param rate edits per second, open loop
	 * @param edits edits per measured round
	 * @param timeout how long an edit may take to become readable before it counts as not
	 * visible
	 * @param workers senders in flight
	 * @param overlay {@code on}, {@code off} or {@code both}: page-construction's HOLLOW
	 * overlay of the write log during the round (both: one round each, overlay on first)
	 */
	record Settings(long elements, double rate, int edits, Duration timeout, int workers, String overlay) {

		Settings {
			if (!List.of("on", "off", "both").contains(overlay)) {
				throw new IllegalArgumentException("--overlay must be on, off or both: " + overlay);
			}
		}

		static Settings from(Options options, long defaultElements, int defaultEdits) {
			return new Settings(options.longValue("elements", defaultElements), options.decimal("rate", 20),
					options.integer("edits", defaultEdits),
					options.duration("visibility-timeout", Duration.ofSeconds(120)), options.integer("workers", 16),
					options.string("overlay", "both"));
		}

	}

	static Report run(Context context, Settings settings) throws Exception {
		Preload.Loaded loaded = Preload.ensure(context, settings.elements());
		Report report = context.report()
			.parameter("elements", loaded.elements())
			.parameter("pages", loaded.pages())
			.parameter("rate", settings.rate())
			.parameter("edits", settings.edits())
			.parameter("overlay", settings.overlay())
			.chartTitle("Propagation: edit accepted → readable (ms)");
		OverlaySwitch overlay = new OverlaySwitch(context.http, context.endpoints);
		try {
			for (boolean enabled : settings.overlay().equals("both") ? new boolean[] { true, false }
					: new boolean[] { settings.overlay().equals("on") }) {
				overlay.set(enabled);
				String label = enabled ? "overlay on" : "overlay off";
				context.console.printf("%n== HOLLOW %s ==%n", label);
				measure(context, settings, loaded, report, label);
			}
		}
		finally {
			overlay.set(true);
		}
		return report;
	}

	static void measure(Context context, Settings settings, Preload.Loaded loaded, Report report, String label)
			throws Exception {
		Metrics consumerBefore = context.metrics.scrape(context.endpoints.consumer());
		Metrics hollowBefore = context.metrics.scrape(context.endpoints.hollow());
		Metrics pagesBefore = context.metrics.scrape(context.endpoints.pages());
		ProcessCpu cpu = new ProcessCpu(context.marqueeHome);
		Map<String, Long> cpuBefore = cpu.sample();
		long startedNanos = System.nanoTime();
		Map<ReadPath, VisibilityPoller> pollers = new EnumMap<>(ReadPath.class);
		for (ReadPath path : ReadPath.values()) {
			pollers.put(path, new VisibilityPoller(context.pages, settings.timeout()));
		}
		Random random = new Random(42);
		int[] targets = new int[settings.edits()];
		for (int i = 0; i < targets.length; i++) {
			targets[i] = random.nextInt(loaded.pages());
		}
		// Versions only ever grow, across runs too: the CMS version of an edit is derived
		// from the wall clock.
		long baseVersion = System.currentTimeMillis() * 1000;
		AtomicLong refused = new AtomicLong();
		Latencies accept;
		FixedRateLoad load = new FixedRateLoad(settings.workers());
		try (HollowFollower follower = new HollowFollower(context.endpoints.hollow(),
				context.endpoints.servicePassword())) {
			ProgressBar bar = new ProgressBar(context.console, "edits", settings.edits());
			accept = load.run(settings.rate(), settings.edits(), (index, intended) -> {
				int page = targets[(int) index];
				Delivery edit = context.dataset.edit(page, baseVersion + index, "publish",
						"edit-" + baseVersion + "-" + index);
				WebhookClient.Accepted accepted;
				try {
					accepted = context.webhooks.post(edit, 3);
				}
				catch (Exception ex) {
					refused.incrementAndGet();
					throw ex;
				}
				long acceptedAt = System.nanoTime();
				Long version = accepted.versions().get("PUBLISHED");
				if (version == null) {
					refused.incrementAndGet();
					throw new IllegalStateException("edit published no PUBLISHED version: " + accepted);
				}
				for (ReadPath path : ReadPath.values()) {
					pollers.get(path).watch(context.dataset.slug(page), path, version, intended, acceptedAt);
				}
			}, bar::update);
			bar.close();
			context.console.printf("waiting for %d edits to become visible on both paths (timeout %s)...%n",
					pollers.values().stream().mapToInt(VisibilityPoller::outstanding).sum(), settings.timeout());
			try (ProgressBar bar2 = new ProgressBar(context.console, "visible", 2L * settings.edits())) {
				Thread waiter = new Thread(() -> pollers.values().forEach(VisibilityPoller::awaitAll));
				waiter.start();
				while (waiter.isAlive()) {
					waiter.join(250);
					long done = 2L * settings.edits()
							- pollers.values().stream().mapToInt(VisibilityPoller::outstanding).sum();
					bar2.update(done);
				}
			}
			report.data("hollowFollowerVersion", follower.version());
			Metrics consumerAfter = context.metrics.scrape(context.endpoints.consumer());
			Metrics hollowAfter = context.metrics.scrape(context.endpoints.hollow());
			Metrics pagesAfter = context.metrics.scrape(context.endpoints.pages());
			Map<String, Long> cpuUsed = ProcessCpu.since(cpuBefore, cpu.sample());
			double seconds = (System.nanoTime() - startedNanos) / 1e9;
			tables(report, label, settings, pollers, accept, follower, refused.get(), consumerBefore, consumerAfter,
					hollowBefore, hollowAfter, pagesBefore, pagesAfter);
			cpuTable(report, label, settings.edits() - refused.get(), seconds, cpuUsed,
					hollowAfter.countSince(hollowBefore, Stages.HOLLOW_CYCLE, Map.of("outcome", "success")));
		}
		finally {
			load.close();
			pollers.values().forEach(VisibilityPoller::close);
		}
	}

	private static void cpuTable(Report report, String label, long edits, double seconds, Map<String, Long> cpuUsed,
			long cycles) {
		CpuPerEdit.table(report, label + ", from the first edit until the last was visible on both paths", cpuUsed,
				edits, seconds);
		report.note(label + ": " + cycles + " Hollow cycles in " + Math.round(seconds) + " s ("
				+ round(cycles / Math.max(seconds, 1e-9)) + " cycles/s) for " + edits + " edits.");
	}

	private static void tables(Report report, String label, Settings settings, Map<ReadPath, VisibilityPoller> pollers,
			Latencies accept, HollowFollower follower, long refused, Metrics consumerBefore, Metrics consumerAfter,
			Metrics hollowBefore, Metrics hollowAfter, Metrics pagesBefore, Metrics pagesAfter) {
		Table paths = Table.of("Propagation per read path (ms), HOLLOW " + label, "path", "measured", "count", "p50",
				"p90", "p99", "p99.9", "max", "not visible");
		for (ReadPath path : ReadPath.values()) {
			VisibilityPoller poller = pollers.get(path);
			LatencySummary fromAccept = poller.fromAccept.summary();
			LatencySummary fromSend = poller.fromSend.summary();
			row(paths, path.name(), "bench: webhook accepted → readable", fromAccept, poller.timedOut());
			row(paths, path.name(), "bench: intended send → readable", fromSend, poller.timedOut());
			report.chartSeries(path.name() + " propagation, " + label, fromAccept);
			long serverCount = pagesAfter.countSince(pagesBefore, Stages.PROPAGATION, Map.of("path", path.name()));
			paths.row(path.name(), "server: marquee.propagation", serverCount,
					Stages.ms(pagesAfter.quantileSince(pagesBefore, Stages.PROPAGATION, Map.of("path", path.name()),
							0.5)),
					Stages.ms(pagesAfter.quantileSince(pagesBefore, Stages.PROPAGATION, Map.of("path", path.name()),
							0.9)),
					Stages.ms(pagesAfter.quantileSince(pagesBefore, Stages.PROPAGATION, Map.of("path", path.name()),
							0.99)),
					Double.NaN, Double.NaN, "");
			String key = "propagation." + label.replace(' ', '-') + "." + path.name();
			report.data(key + ".fromAccept", fromAccept);
			report.data(key + ".fromSend", fromSend);
		}
		report.table(paths);
		LatencySummary hollow = pollers.get(ReadPath.HOLLOW).fromAccept.summary();
		LatencySummary kafka = pollers.get(ReadPath.KAFKA_CASSANDRA).fromAccept.summary();
		report.table(Table
			.of("Ratio KAFKA_CASSANDRA / HOLLOW " + label + " (webhook accepted → readable)", "percentile", "HOLLOW ms",
					"KAFKA_CASSANDRA ms", "ratio")
			.row("p50", hollow.p50Ms(), kafka.p50Ms(), ratio(kafka.p50Ms(), hollow.p50Ms()))
			.row("p99", hollow.p99Ms(), kafka.p99Ms(), ratio(kafka.p99Ms(), hollow.p99Ms())));
		Table stages = Stages.table("Stages (ms), HOLLOW " + label);
		LatencySummary acceptSummary = accept.summary();
		stages.row("webhook POST answered (both write paths durable)", "bench, from intended send",
				acceptSummary.count(), acceptSummary.p50Ms(), acceptSummary.p90Ms(), acceptSummary.p99Ms(),
				acceptSummary.maxMs(), acceptSummary.meanMs());
		Stages.histogramRow(stages, "Kafka → Cassandra row visible", "data-consumer marquee.cassandra.row.visible",
				consumerBefore, consumerAfter, Stages.ROW_VISIBLE, Map.of());
		Map<String, String> success = Map.of("outcome", "success");
		long cycles = hollowAfter.countSince(hollowBefore, Stages.HOLLOW_CYCLE, success);
		double p50 = hollowAfter.sum(Stages.HOLLOW_CYCLE, Map.of("outcome", "success", "quantile", "0.5"))
			.orElse(Double.NaN);
		double p99 = hollowAfter.sum(Stages.HOLLOW_CYCLE, Map.of("outcome", "success", "quantile", "0.99"))
			.orElse(Double.NaN);
		stages.row("Hollow producer cycle (p50/p99: the producer's last-minutes window)",
				"hollow-producer marquee.hollow.cycle", cycles, round(p50 * 1000), Double.NaN, round(p99 * 1000),
				Double.NaN, Stages.mean(hollowBefore, hollowAfter, Stages.HOLLOW_CYCLE, success));
		LatencySummary refresh = follower.refreshes.summary();
		stages.row("Hollow consumer refresh (announcement → delta applied)", "bench HollowConsumer over HTTP",
				refresh.count(), refresh.p50Ms(), refresh.p90Ms(), refresh.p99Ms(), refresh.maxMs(), refresh.meanMs());
		report.table(stages);
		report.data("webhookAccept." + label.replace(' ', '-'), acceptSummary);
		report.data("hollowConsumerRefresh." + label.replace(' ', '-'), refresh);
		long polls = pollers.values().stream().mapToLong(VisibilityPoller::polls).sum();
		report.note("Edits are open-loop at " + settings.rate()
				+ "/s; \"intended send\" charges any send delay to the edit "
				+ "(coordinated omission). Polls back off to 10% of the time waited, so bench numbers carry up to ~10% "
				+ "resolution error (" + polls + " polls); the server's marquee.propagation is exact per version but "
				+ "histogram-bucketed.");
		if (refused > 0) {
			report.note(refused + " edits were refused by ingestion and not measured.");
		}
	}

	private static void row(Table table, String path, String measured, LatencySummary summary, long timedOut) {
		table.row(path, measured, summary.count(), summary.p50Ms(), summary.p90Ms(), summary.p99Ms(), summary.p999Ms(),
				summary.maxMs(), Long.toString(timedOut));
	}

	static double ratio(double a, double b) {
		return (b > 0) ? Math.round(a / b * 10.0) / 10.0 : Double.NaN;
	}

	static double round(double millis) {
		return Double.isNaN(millis) ? Double.NaN : Math.round(millis * 1000.0) / 1000.0;
	}

}
