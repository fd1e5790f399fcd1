package dev.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import dev.marquee.sample.Delivery;
import dev.marquee.bench.load.FixedRateLoad;
import dev.marquee.bench.load.Latencies;
import dev.marquee.bench.load.LatencySummary;
import dev.marquee.bench.platform.Endpoints;
import dev.marquee.bench.platform.Metrics;
import dev.marquee.bench.platform.PageClient;
import dev.marquee.bench.platform.ProcessCpu;
import dev.marquee.bench.platform.WebhookClient;
import dev.marquee.bench.report.ProgressBar;
import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;
import dev.marquee.model.ReadPath;

/**
 * {@code soak}: signed webhook edits and public page reads (alternating HOLLOW and
 * KAFKA_CASSANDRA) at fixed rates for a long while, sampling every service's heap after
 * GC, data-consumer's Kafka lag and page-construction's Hollow version gap, to show that
 * nothing fails, leaks or falls behind under sustained load.
 */
final class SoakScenario {

	static final List<String> SERVICES = List.of("ingestion", "data-consumer", "hollow-producer", "page-construction");

	private SoakScenario() {
	}

	record Settings(long elements, double editRate, double readRate, Duration duration, Duration sampleEvery,
			int workers) {

		static Settings from(Options options) {
			return new Settings(options.longValue("elements", 100_000), options.decimal("edit-rate", 100),
					options.decimal("read-rate", 500), options.duration("duration", Duration.ofMinutes(5)),
					options.duration("sample-every", Duration.ofSeconds(15)), options.integer("workers", 128));
		}

		long edits() {
			return Math.round(this.editRate * this.duration.toMillis() / 1000.0);
		}

		long reads() {
			return Math.round(this.readRate * this.duration.toMillis() / 1000.0);
		}

	}

	/**
	 * What went wrong with edits: 503 (a write path not ready) apart from everything
	 * else.
	 */
	static final class EditErrors {

		final AtomicLong unavailable = new AtomicLong();

		final AtomicLong other = new AtomicLong();

		long total() {
			return this.unavailable.get() + this.other.get();
		}

	}

	static Report run(Context context, Settings settings) throws Exception {
		if (settings.sampleEvery().isZero() || settings.sampleEvery().isNegative()) {
			throw new IllegalArgumentException("--sample-every must be positive");
		}
		Preload.Loaded loaded = Preload.ensure(context, settings.elements());
		Report report = context.report()
			.parameter("elements", loaded.elements())
			.parameter("pages", loaded.pages())
			.parameter("editRate", settings.editRate())
			.parameter("readRate", settings.readRate())
			.parameter("duration", settings.duration().toString())
			.parameter("sampleEvery", settings.sampleEvery().toString())
			.parameter("workers", settings.workers());
		measure(context, settings, loaded, report);
		return report;
	}

	private static void measure(Context context, Settings settings, Preload.Loaded loaded, Report report)
			throws Exception {
		int pages = loaded.pages();
		// Versions only ever grow, across runs too: the CMS version of an edit is derived
		// from the wall clock.
		long baseVersion = System.currentTimeMillis() * 1000;
		EditErrors editErrors = new EditErrors();
		AtomicLong editsAccepted = new AtomicLong();
		AtomicLong readsServed = new AtomicLong();
		Map<ReadPath, Latencies> reads = new EnumMap<>(ReadPath.class);
		for (ReadPath path : ReadPath.values()) {
			reads.put(path, new Latencies());
		}
		FixedRateLoad.Request edit = (index, intended) -> {
			// Round robin: two edits of one page are a whole pass apart, so none
			// overtakes another in flight.
			int page = (int) (index % pages);
			Delivery delivery = context.dataset.edit(page, baseVersion + index, "publish",
					"soak-" + baseVersion + "-" + index);
			WebhookClient.Accepted accepted;
			try {
				// One attempt: under a soak every answer but an acceptance is an error, a
				// 503 included.
				accepted = context.webhooks.post(delivery, 1);
			}
			catch (WebhookClient.Refused ex) {
				(ex.status() == 503 ? editErrors.unavailable : editErrors.other).incrementAndGet();
				throw ex;
			}
			catch (Exception ex) {
				editErrors.other.incrementAndGet();
				throw ex;
			}
			if (accepted.ignored() || accepted.duplicate() || !accepted.versions().containsKey("PUBLISHED")) {
				editErrors.other.incrementAndGet();
				throw new IllegalStateException("edit not applied as a new publish: " + accepted);
			}
			editsAccepted.incrementAndGet();
		};
		FixedRateLoad.Request read = (index, intended) -> {
			ReadPath path = (index % 2 == 0) ? ReadPath.HOLLOW : ReadPath.KAFKA_CASSANDRA;
			// A multiplicative hash spreads the reads over every page on both paths.
			String slug = context.dataset.slug((int) Math.floorMod((index / 2) * 2_654_435_761L, (long) pages));
			Latencies latencies = reads.get(path);
			PageClient.Answer answer;
			try {
				answer = context.pages.published(slug, path);
			}
			catch (Exception ex) {
				latencies.error();
				throw ex;
			}
			if (!answer.ok()) {
				latencies.error();
				throw new IllegalStateException(path + " answered " + answer.status() + " for " + slug);
			}
			latencies.record(System.nanoTime() - intended);
			readsServed.incrementAndGet();
		};

		Sampler sampler = new Sampler(context, editsAccepted, readsServed,
				() -> editErrors.total() + reads.values().stream().mapToLong(Latencies::errors).sum());
		FixedRateLoad editLoad = new FixedRateLoad(settings.workers());
		FixedRateLoad readLoad = new FixedRateLoad(settings.workers());
		ExecutorService drivers = Executors.newFixedThreadPool(2);
		ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
		List<SoakSample> samples = new ArrayList<>();
		AtomicLong editsDone = new AtomicLong();
		AtomicLong readsDone = new AtomicLong();
		Latencies edits;
		double loadSeconds;
		context.console.printf("soak: %s of %.0f edits/s and %.0f reads/s, sampling every %s%n", settings.duration(),
				settings.editRate(), settings.readRate(), settings.sampleEvery());
		ProcessCpu cpu = new ProcessCpu(context.marqueeHome);
		Map<String, Long> cpuBefore;
		Map<String, Long> cpuUsed;
		try (ProgressBar bar = new ProgressBar(context.console, "soak", settings.edits() + settings.reads())) {
			cpuBefore = cpu.sample();
			sampler.start();
			long every = settings.sampleEvery().toMillis();
			sampling.scheduleAtFixedRate(() -> record(samples, sampler), every, every, TimeUnit.MILLISECONDS);
			Future<Latencies> editRun = drivers
				.submit(() -> editLoad.run(settings.editRate(), settings.edits(), edit, (done) -> {
					editsDone.set(done);
					bar.update(done + readsDone.get());
				}));
			Future<Latencies> readRun = drivers
				.submit(() -> readLoad.run(settings.readRate(), settings.reads(), read, (done) -> {
					readsDone.set(done);
					bar.update(editsDone.get() + done);
				}));
			edits = editRun.get();
			readRun.get();
			loadSeconds = sampler.elapsedSeconds();
			cpuUsed = ProcessCpu.since(cpuBefore, cpu.sample());
			sampling.shutdown();
			sampling.awaitTermination(1, TimeUnit.MINUTES);
		}
		finally {
			sampling.shutdownNow();
			drivers.shutdownNow();
			editLoad.close();
			readLoad.close();
		}
		// The last sample closes the last (possibly shorter) window at the end of the
		// load.
		record(samples, sampler);
		tables(report, settings, edits, editErrors, reads, samples, loadSeconds);
		CpuPerEdit.table(report, "soak (edits and reads together)", cpuUsed, editsAccepted.get(), loadSeconds);
	}

	private static void record(List<SoakSample> samples, Sampler sampler) {
		SoakSample sample;
		try {
			sample = sampler.sample();
		}
		catch (RuntimeException ex) {
			// A thrown exception would silently cancel the periodic sampling; one lost
			// point is better.
			return;
		}
		synchronized (samples) {
			samples.add(sample);
		}
	}

	private static void tables(Report report, Settings settings, Latencies edits, EditErrors editErrors,
			Map<ReadPath, Latencies> reads, List<SoakSample> samples, double loadSeconds) {
		Table latency = Table.of("Latency (ms, from intended send)", "load", "rate/s", "count", "p50", "p90", "p99",
				"p99.9", "max", "errors", "of which 503");
		LatencySummary accepted = edits.summary();
		latency.row("edits: webhook accepted", settings.editRate(), accepted.count(), accepted.p50Ms(),
				accepted.p90Ms(), accepted.p99Ms(), accepted.p999Ms(), accepted.maxMs(), editErrors.total(),
				editErrors.unavailable.get());
		report.data("edits", accepted);
		long readErrors = 0;
		for (Map.Entry<ReadPath, Latencies> path : reads.entrySet()) {
			LatencySummary summary = path.getValue().summary();
			latency.row("reads: " + path.getKey(), settings.readRate() / 2, summary.count(), summary.p50Ms(),
					summary.p90Ms(), summary.p99Ms(), summary.p999Ms(), summary.maxMs(), path.getValue().errors(), "");
			report.data("reads." + path.getKey(), summary);
			readErrors += path.getValue().errors();
		}
		report.table(latency);

		List<String> columns = new ArrayList<>(List.of("elapsed s", "edits/s", "reads/s", "errors"));
		SERVICES.forEach((service) -> columns.add(service + " heap after GC MB"));
		columns.add("Kafka lag");
		columns.add("Hollow gap ms");
		Table series = Table.of("Time series (one row per sample; rates over the window since the previous one)",
				columns.toArray(String[]::new));
		List<SoakSeries.Window> windows = SoakSeries.windows(samples);
		for (int i = 0; i < samples.size(); i++) {
			SoakSample sample = samples.get(i);
			SoakSeries.Window window = windows.get(i);
			List<Object> row = new ArrayList<>(List.of(round1(sample.elapsedSeconds()), round1(window.editsPerSecond()),
					round1(window.readsPerSecond()), window.errors()));
			SERVICES.forEach((service) -> row.add(megabytes(sample.heapAfterGcBytes().get(service))));
			row.add(sample.kafkaLag());
			row.add(sample.hollowGapMillis());
			series.row(row.toArray());
		}
		report.table(series);
		report.data("samples", samples);

		Table verdict = Table.of("Verdict", "check", "target", "measured", "verdict");
		long editCount = accepted.count();
		long readCount = reads.values().stream().mapToLong(Latencies::count).sum();
		verdict.row("edit errors", "0", editErrors.total() + " (" + editErrors.unavailable.get() + " × 503, "
				+ editErrors.other.get() + " other) of " + settings.edits(), pass(editErrors.total() == 0));
		verdict.row("read errors", "0", readErrors + " of " + settings.reads(), pass(readErrors == 0));
		for (String service : SERVICES) {
			SoakSeries.Growth growth = SoakSeries.Growth.of(SoakSeries.Thirds.of(samples,
					(sample) -> sample.heapAfterGcBytes().getOrDefault(service, Double.NaN)));
			verdict.row(service + " heap after GC growth", "≤ " + Math.round(SoakSeries.HEAP_GROWTH_LIMIT * 100) + "%",
					growth.known() ? String.format(java.util.Locale.ROOT, "%.1f → %.1f MB (%+.1f%%)",
							megabytes(growth.firstMedian()), megabytes(growth.lastMedian()), growth.growth() * 100)
							: "n/a",
					growth.known() ? (growth.flagged() ? "GROWING" : "ok") : "n/a (too few samples after a GC)");
			report.data("heapGrowth." + service, growth);
		}
		SoakSeries.LagBound lag = SoakSeries.LagBound.of(samples);
		verdict.row("Kafka lag bounded",
				"last third max ≤ first third max × " + (int) SoakSeries.LAG_FACTOR + " + "
						+ (int) SoakSeries.LAG_SLACK,
				lag.known() ? String.format(java.util.Locale.ROOT, "max %.0f; first third %.0f, last third %.0f",
						lag.max(), lag.firstMax(), lag.lastMax()) : "n/a",
				lag.known() ? (lag.bounded() ? "ok" : "GROWING") : "n/a (too few samples)");
		report.data("kafkaLag", lag);
		double maxGap = samples.stream()
			.mapToDouble(SoakSample::hollowGapMillis)
			.filter(Double::isFinite)
			.max()
			.orElse(Double.NaN);
		verdict.row("Hollow version gap", "(reported)",
				Double.isNaN(maxGap) ? "n/a" : "max " + Math.round(maxGap) + " ms", "");
		double editsAchieved = SoakSeries.perSecond(editCount, loadSeconds);
		double readsAchieved = SoakSeries.perSecond(readCount, loadSeconds);
		verdict.row("edit rate", settings.editRate() + "/s",
				String.format(java.util.Locale.ROOT, "%.1f/s accepted", editsAchieved),
				pass(SoakSeries.onTarget(settings.editRate(), editsAchieved)));
		verdict.row("read rate", settings.readRate() + "/s",
				String.format(java.util.Locale.ROOT, "%.1f/s served", readsAchieved),
				pass(SoakSeries.onTarget(settings.readRate(), readsAchieved)));
		report.table(verdict);
		report.data("loadSeconds", loadSeconds);

		List<Double> x = samples.stream().map(SoakSample::elapsedSeconds).toList();
		Map<String, List<Double>> heap = new LinkedHashMap<>();
		for (String service : SERVICES) {
			heap.put(service,
					samples.stream()
						.map((sample) -> megabytes(sample.heapAfterGcBytes().getOrDefault(service, Double.NaN)))
						.toList());
		}
		report.timeChart(new Report.TimeChart("Soak: heap after GC per service", "seconds", "MB", x, heap));
		report.note("Both loads are open-loop (latency from the intended send time, so stalls are charged to every "
				+ "request queued behind them). Edits are sent once: a 503 is an error here, not retried. "
				+ "Rates are over " + loadSeconds(loadSeconds) + " s, from the first request to the last answer.");
		report.note("Heap after GC is jvm_gc_live_data_size_bytes (changes only when a GC runs); growth compares the "
				+ "median of the first third of samples with the last third's, flagged above "
				+ Math.round(SoakSeries.HEAP_GROWTH_LIMIT * 100)
				+ "%. Kafka lag is data-consumer's records_lag summed over " + "the partitions of "
				+ SoakSample.PAGE_CHANGES + "; the Hollow gap is hollow-producer's announced "
				+ "version against page-construction's current one, in ms of version time.");
		report.note("The load generator shares the machine's " + Runtime.getRuntime().availableProcessors()
				+ " cores with the platform, Kafka and Cassandra.");
	}

	private static String loadSeconds(double seconds) {
		return String.format(java.util.Locale.ROOT, "%.1f", seconds);
	}

	private static String pass(boolean ok) {
		return ok ? "ok" : "FAIL";
	}

	static double megabytes(Double bytes) {
		return (bytes == null || bytes.isNaN()) ? Double.NaN : Math.round(bytes / 1024 / 1024 * 10) / 10.0;
	}

	private static double round1(double value) {
		return Double.isNaN(value) ? Double.NaN : Math.round(value * 10) / 10.0;
	}

	/**
	 * Takes one sample: scrapes every service, the producer's announcement and
	 * page-construction's health.
	 */
	private static final class Sampler {

		private final Context context;

		private final AtomicLong editsAccepted;

		private final AtomicLong readsServed;

		private final LongSupplier errors;

		private final Map<String, URI> services = new LinkedHashMap<>();

		private long startNanos;

		Sampler(Context context, AtomicLong editsAccepted, AtomicLong readsServed, LongSupplier errors) {
			this.context = context;
			this.errors = errors;
			this.editsAccepted = editsAccepted;
			this.readsServed = readsServed;
			Endpoints endpoints = context.endpoints;
			this.services.put(SERVICES.get(0), endpoints.ingestion());
			this.services.put(SERVICES.get(1), endpoints.consumer());
			this.services.put(SERVICES.get(2), endpoints.hollow());
			this.services.put(SERVICES.get(3), endpoints.pages());
		}

		void start() {
			this.startNanos = System.nanoTime();
		}

		double elapsedSeconds() {
			return (System.nanoTime() - this.startNanos) / 1e9;
		}

		SoakSample sample() {
			// Counters first: the window's rates end where the scrapes begin.
			double elapsed = elapsedSeconds();
			long edits = this.editsAccepted.get();
			long reads = this.readsServed.get();
			long failed = this.errors.getAsLong();
			Map<String, Double> afterGc = new LinkedHashMap<>();
			Map<String, Double> used = new LinkedHashMap<>();
			Metrics consumer = Metrics.EMPTY;
			Metrics producer = Metrics.EMPTY;
			for (Map.Entry<String, URI> service : this.services.entrySet()) {
				Metrics metrics = this.context.metrics.scrape(service.getValue());
				afterGc.put(service.getKey(), SoakSample.heapAfterGc(metrics));
				used.put(service.getKey(), SoakSample.heapUsed(metrics));
				if (service.getKey().equals("data-consumer")) {
					consumer = metrics;
				}
				else if (service.getKey().equals("hollow-producer")) {
					producer = metrics;
				}
			}
			long announced = announced(producer);
			long current = currentVersion();
			return new SoakSample(elapsed, edits, reads, failed, afterGc, used, SoakSample.kafkaLag(consumer),
					SoakSample.hollowGapMillis(announced, current));
		}

		private long announced(Metrics producer) {
			try {
				return MemoryScenario.latestVersion(this.context);
			}
			catch (IOException | RuntimeException ex) {
				return SoakSample.announcedFromGauge(producer);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}

		private long currentVersion() {
			try {
				HttpResponse<String> response = this.context.http
					.send(HttpRequest.newBuilder(Endpoints.resolve(this.context.endpoints.pages(), "/actuator/health"))
						.header("Authorization", this.context.endpoints.adminAuthorization())
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.ofString());
				// A DOWN service answers 503 with the same body.
				return SoakSample.consumerVersion(response.body());
			}
			catch (IOException ex) {
				return -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}

	}

}
