package dev.marquee.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.marquee.bench.load.FixedRateLoad;
import dev.marquee.bench.load.Latencies;
import dev.marquee.bench.load.LatencySummary;
import dev.marquee.bench.load.MaxThroughput;
import dev.marquee.bench.platform.Endpoints;
import dev.marquee.bench.platform.Metrics;
import dev.marquee.bench.platform.PageClient;
import dev.marquee.bench.platform.StaticPageServer;
import dev.marquee.bench.platform.Wrk;
import dev.marquee.bench.report.ProgressBar;
import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;
import dev.marquee.model.ReadPath;

/**
 * {@code pages}: page construction of a 50-element page on each path — HOLLOW (in
 * memory), KAFKA_CASSANDRA through the near cache, and Cassandra read directly — latency
 * at a fixed rate, then maximum throughput.
 */
final class PagesScenario {

	static final String DIRECT = "CASSANDRA_DIRECT";

	static final String STATIC = "STATIC_FILE";

	private PagesScenario() {
	}

	record Settings(long elements, int spread, double rate, Duration duration, Duration warmup, Duration maxDuration,
			int concurrency, List<String> paths) {

		static Settings from(Options options) {
			return new Settings(options.longValue("elements", 5_000), options.integer("spread", 100),
					options.decimal("rate", 200), options.duration("duration", Duration.ofSeconds(20)),
					options.duration("warmup", Duration.ofSeconds(5)),
					options.duration("max-duration", Duration.ofSeconds(10)), options.integer("concurrency", 16),
					List.of(options.string("paths", "HOLLOW,KAFKA_CASSANDRA," + DIRECT + "," + STATIC).split(",")));
		}

	}

	/**
	 * One path's results.
	 *
	 * @param path the path
	 * @param fixedRate latencies at the fixed rate (from intended send time)
	 * @param max closed-loop saturation
	 * @param serverP99Ms page-construction's own marquee.page.build p99, NaN for the
	 * direct path
	 */
	record PathResult(String path, LatencySummary fixedRate, long errors, MaxThroughput.Result max,
			double serverP99Ms) {

	}

	static Report run(Context context, Settings settings) throws Exception {
		Preload.Loaded loaded = Preload.ensure(context, settings.elements());
		Report report = context.report();
		measureInto(report, context, settings, loaded);
		return report;
	}

	static void measureInto(Report report, Context context, Settings settings, Preload.Loaded loaded) throws Exception {
		int spread = Math.max(1, Math.min(settings.spread(), loaded.pages()));
		List<String> slugs = new ArrayList<>();
		for (int i = 0; i < spread; i++) {
			slugs.add(context.dataset.slug(i));
		}
		report.parameter("pagesRotated", spread)
			.parameter("rate", settings.rate())
			.parameter("duration", settings.duration().toString())
			.parameter("concurrency", settings.concurrency())
			.chartTitle("Page construction, " + context.dataset.elementsPerPage() + "-element page, at "
					+ settings.rate() + "/s (ms)");
		List<PathResult> results = new ArrayList<>();
		Map<String, byte[]> bytes = hollowBytes(context, slugs);
		try (StaticPageServer server = StaticPageServer.start(bytes)) {
			List<PathLoad> loads = new ArrayList<>();
			try {
				for (String path : settings.paths()) {
					loads.add(PathLoad.of(context, path.strip(), slugs, server));
				}
				// Every path (and this JVM's HTTP client and load generator) is warmed up
				// before the first is measured: measured straight after its own warm-up,
				// the first path paid for the JIT of the client and came out several
				// times
				// slower than the same path measured second.
				for (PathLoad load : loads) {
					awaitReadable(load, slugs.size());
					context.console.printf("%s: warm-up %s%n", load.path(), settings.warmup());
					MaxThroughput.run(4, settings.warmup().toNanos(), load.request(), (n) -> {
					});
				}
				for (PathLoad load : loads) {
					results.add(measure(context, settings, load));
				}
			}
			finally {
				loads.forEach(PathLoad::close);
			}
			ratios(report, results);
			wrk(report, context, slugs.get(0), server, settings.concurrency());
			report.note(STATIC + " is " + server.kind()
					+ " on 127.0.0.1 serving the very bytes HOLLOW answered for the " + "same " + slugs.size()
					+ " pages (" + bytes.values().stream().mapToInt((b) -> b.length).sum() / slugs.size()
					+ " bytes on average): the floor a page server is measured against.");
		}
		Table table = Table.of("Page construction per path (ms; client side, from intended send)", "path", "rate/s",
				"count", "p50", "p90", "p99", "p99.9", "max", "errors", "server p99", "max pages/s");
		for (PathResult result : results) {
			LatencySummary s = result.fixedRate();
			table.row(result.path(), settings.rate(), s.count(), s.p50Ms(), s.p90Ms(), s.p99Ms(), s.p999Ms(), s.maxMs(),
					result.errors(), result.serverP99Ms(), result.max().perSecond());
			report.chartSeries(result.path() + " page", s);
		}
		report.table(table);
		Table saturation = Table.of("Maximum throughput (closed loop, " + settings.concurrency() + " concurrent)",
				"path", "pages/s", "completed", "errors", "p50", "p99", "max");
		for (PathResult result : results) {
			MaxThroughput.Result max = result.max();
			saturation.row(result.path(), max.perSecond(), max.completed(), max.errors(), max.latencies().p50Ms(),
					max.latencies().p99Ms(), max.latencies().maxMs());
		}
		report.table(saturation);
		report.data("paths", results);
		report.note("HOLLOW and KAFKA_CASSANDRA are GET /pages/{slug}?readPath=… over HTTP (client latency includes "
				+ "HTTP and JSON); server p99 is page-construction's marquee.page.build over the same window. " + DIRECT
				+ " runs page-construction's two read-table queries from the benchmark's JVM with the "
				+ "DataStax driver and parses the element JSON (no HTTP).");
		report.note("The load generator shares the machine's " + Runtime.getRuntime().availableProcessors()
				+ " cores with the platform, Kafka and Cassandra.");
	}

	private static Map<String, byte[]> hollowBytes(Context context, List<String> slugs) throws Exception {
		Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
		for (String slug : slugs) {
			HttpResponse<byte[]> response = context.http.send(HttpRequest
				.newBuilder(Endpoints.resolve(context.endpoints.pages(), "/pages/" + slug + "?readPath=HOLLOW"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HOLLOW answered " + response.statusCode() + " for " + slug);
			}
			bytes.put(slug, response.body());
		}
		return bytes;
	}

	private static void ratios(Report report, List<PathResult> results) {
		PathResult floor = results.stream().filter((r) -> r.path().equals(STATIC)).findFirst().orElse(null);
		if (floor == null || floor.max().perSecond() <= 0) {
			return;
		}
		Table table = Table.of("Throughput against the static-file server (same client, same bytes)", "path", "pages/s",
				STATIC + " pages/s", "ratio");
		for (PathResult result : results) {
			table.row(result.path(), result.max().perSecond(), floor.max().perSecond(),
					Math.round(result.max().perSecond() / floor.max().perSecond() * 100.0) / 100.0);
		}
		report.table(table);
	}

	private static void wrk(Report report, Context context, String slug, StaticPageServer server, int connections) {
		if (!Wrk.installed()) {
			report.note("wrk is not installed (apt-get install wrk): no load-generator-independent throughput row.");
			return;
		}
		Duration duration = Duration.ofSeconds(10);
		Table table = Table.of("wrk -t1 -c" + connections + " -d" + duration.toSeconds() + "s, one page (requests/s)",
				"path", "requests/s", "ratio to " + STATIC);
		java.util.OptionalDouble floor = Wrk.requestsPerSecond(server.uri(slug), connections, duration);
		for (ReadPath path : ReadPath.values()) {
			context.console.printf("wrk %s ...%n", path);
			java.util.OptionalDouble rate = Wrk.requestsPerSecond(
					Endpoints.resolve(context.endpoints.pages(), "/pages/" + slug + "?readPath=" + path), connections,
					duration);
			table.row(path.name(), rate.orElse(Double.NaN), (rate.isPresent() && floor.isPresent())
					? Math.round(rate.getAsDouble() / floor.getAsDouble() * 100.0) / 100.0 : Double.NaN);
		}
		table.row(STATIC, floor.orElse(Double.NaN), 1.0);
		report.table(table);
	}

	/** One path's request and what it holds open. */
	private record PathLoad(String path, @Nullable ReadPath readPath, FixedRateLoad.Request request,
			@Nullable DirectCassandra cassandra) implements AutoCloseable {

		static PathLoad of(Context context, String path, List<String> slugs, StaticPageServer server) {
			boolean direct = DIRECT.equals(path);
			boolean staticFile = STATIC.equals(path);
			ReadPath readPath = (direct || staticFile) ? null : ReadPath.valueOf(path);
			DirectCassandra cassandra = direct ? new DirectCassandra(context.cassandraContactPoint) : null;
			FixedRateLoad.Request request = (index, intended) -> {
				String slug = slugs.get((int) (index % slugs.size()));
				if (cassandra != null) {
					cassandra.read(slug);
				}
				else if (staticFile) {
					HttpResponse<byte[]> answer = context.http.send(
							HttpRequest.newBuilder(server.uri(slug)).timeout(Duration.ofSeconds(30)).build(),
							HttpResponse.BodyHandlers.ofByteArray());
					if (answer.statusCode() != 200) {
						throw new IllegalStateException(STATIC + " answered " + answer.statusCode() + " for " + slug);
					}
				}
				else {
					PageClient.Answer answer = context.pages.published(slug, readPath);
					if (!answer.ok()) {
						throw new IllegalStateException(path + " answered " + answer.status() + " for " + slug);
					}
				}
			};
			return new PathLoad(path, readPath, request, cassandra);
		}

		@Override
		public void close() {
			if (this.cassandra != null) {
				this.cassandra.close();
			}
		}

	}

	private static PathResult measure(Context context, Settings settings, PathLoad load) throws Exception {
		String path = load.path();
		ReadPath readPath = load.readPath();
		FixedRateLoad.Request request = load.request();
		Metrics before = (readPath == null) ? Metrics.EMPTY : context.metrics.scrape(context.endpoints.pages());
		long count = Math.round(settings.rate() * settings.duration().toMillis() / 1000.0);
		Latencies latencies;
		FixedRateLoad fixedRate = new FixedRateLoad(settings.concurrency());
		try (ProgressBar bar = new ProgressBar(context.console, path, count)) {
			latencies = fixedRate.run(settings.rate(), count, request, bar::update);
		}
		finally {
			fixedRate.close();
		}
		double serverP99 = Double.NaN;
		if (readPath != null) {
			Metrics after = context.metrics.scrape(context.endpoints.pages());
			serverP99 = Stages.ms(after.quantileSince(before, Stages.PAGE_BUILD, Map.of("path", path), 0.99));
		}
		MaxThroughput.Result max;
		try (ProgressBar bar = new ProgressBar(context.console, path + " max", settings.maxDuration().toMillis())) {
			max = MaxThroughput.run(settings.concurrency(), settings.maxDuration().toNanos(), request,
					(nanos) -> bar.update(nanos / 1_000_000));
		}
		return new PathResult(path, latencies.summary(), latencies.errors(), max, serverP99);
	}

	/**
	 * The near cache discovers new pages on its refresh cycle, so a fresh dataset may
	 * need a while there.
	 */
	private static void awaitReadable(PathLoad load, int pages) throws Exception {
		String path = load.path();
		FixedRateLoad.Request request = load.request();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		for (int i = 0; i < pages; i++) {
			while (true) {
				try {
					request.send(i, System.nanoTime());
					break;
				}
				catch (Exception ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException(
								path + " does not serve the benchmark pages: " + ex.getMessage(), ex);
					}
					java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
				}
			}
		}
	}

}
