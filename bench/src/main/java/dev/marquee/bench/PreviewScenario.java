package dev.marquee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.marquee.sample.Delivery;
import dev.marquee.bench.load.Latencies;
import dev.marquee.bench.load.LatencySummary;
import dev.marquee.bench.platform.PageClient;
import dev.marquee.bench.platform.WebhookClient;
import dev.marquee.bench.report.ProgressBar;
import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;
import dev.marquee.model.ReadPath;

/**
 * {@code preview}: editors save a draft through the webhook and immediately preview it
 * with the consistency token, on each path; any answer older than the draft is stale
 * (must be 0). The added latency is the token-carrying preview against a plain preview of
 * the same page right after.
 */
final class PreviewScenario {

	private PreviewScenario() {
	}

	record Settings(int edits, int editors) {

		static Settings from(Options options) {
			return new Settings(options.integer("edits", 2_000), options.integer("concurrency", 8));
		}

	}

	/**
	 * One path's results.
	 *
	 * @param path the read path
	 * @param roundTrips completed edit → preview round trips
	 * @param stale answers older than the draft just saved
	 * @param failed previews that answered an error (e.g. 503 when the path did not catch
	 * up in time)
	 * @param edit the webhook's answer time
	 * @param withToken the preview carrying the token
	 * @param withoutToken a plain preview right after
	 * @param roundTrip edit plus preview
	 */
	record PathResult(ReadPath path, long roundTrips, long stale, long failed, LatencySummary edit,
			LatencySummary withToken, LatencySummary withoutToken, LatencySummary roundTrip) {

	}

	static Report run(Context context, Settings settings) throws Exception {
		int editors = Math.max(1, settings.editors());
		Preload.ensure(context, (long) editors * context.dataset.elementsPerPage());
		Report report = context.report()
			.parameter("editsPerPath", settings.edits())
			.parameter("editors", editors)
			.chartTitle("Preview with consistency token after a draft save (ms)");
		List<PathResult> results = new ArrayList<>();
		for (ReadPath path : ReadPath.values()) {
			results.add(measure(context, settings.edits(), editors, path));
		}
		Table table = Table.of("Edit → preview with token, per path", "path", "round trips", "stale", "errors",
				"preview p50", "preview p99", "preview max", "plain p50", "added p50", "round trip p50",
				"round trip p99");
		for (PathResult r : results) {
			table.row(r.path().name(), r.roundTrips(), r.stale(), r.failed(), r.withToken().p50Ms(),
					r.withToken().p99Ms(), r.withToken().maxMs(), r.withoutToken().p50Ms(),
					PropagationScenario.round(r.withToken().p50Ms() - r.withoutToken().p50Ms()), r.roundTrip().p50Ms(),
					r.roundTrip().p99Ms());
			report.chartSeries(r.path().name() + " preview with token", r.withToken());
		}
		report.table(table);
		Table edits = Table.of("Draft save (webhook answered) per path run (ms)", "path", "count", "p50", "p90", "p99",
				"max");
		for (PathResult r : results) {
			edits.row(r.path().name(), r.edit().count(), r.edit().p50Ms(), r.edit().p90Ms(), r.edit().p99Ms(),
					r.edit().maxMs());
		}
		report.table(edits);
		report.data("paths", results);
		report.note(editors + " editors, each on its own page, save a draft (action draft: PREVIEW stage only) and "
				+ "preview it at once with the Marquee-Consistency-Token; stale = content version older than the draft "
				+ "or the draft's marker missing from the body.");
		return report;
	}

	private static PathResult measure(Context context, int edits, int editors, ReadPath path) throws Exception {
		Latencies edit = new Latencies();
		Latencies withToken = new Latencies();
		Latencies withoutToken = new Latencies();
		Latencies roundTrip = new Latencies();
		AtomicLong stale = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong done = new AtomicLong();
		AtomicLong next = new AtomicLong();
		long baseVersion = System.currentTimeMillis() * 1000;
		List<Thread> threads = new ArrayList<>();
		try (ProgressBar bar = new ProgressBar(context.console, path.name(), edits)) {
			for (int e = 0; e < editors; e++) {
				int page = e;
				Thread thread = new Thread(() -> {
					for (long i = next.getAndIncrement(); i < edits; i = next.getAndIncrement()) {
						try {
							String marker = "draft-" + baseVersion + "-" + i;
							Delivery draft = context.dataset.edit(page, baseVersion + i, "draft", marker);
							long start = System.nanoTime();
							WebhookClient.Accepted accepted = context.webhooks.post(draft, 3);
							long saved = System.nanoTime();
							edit.record(saved - start);
							Long version = accepted.versions().get("PREVIEW");
							PageClient.Answer answer = context.pages.preview(context.dataset.slug(page), path,
									accepted.consistencyToken());
							long previewed = System.nanoTime();
							if (!answer.ok() || version == null) {
								failed.incrementAndGet();
								withToken.error();
							}
							else {
								withToken.record(previewed - saved);
								roundTrip.record(previewed - start);
								if (answer.contentVersion() < version || !answer.body().contains(marker)) {
									stale.incrementAndGet();
								}
								long plain = System.nanoTime();
								if (context.pages.preview(context.dataset.slug(page), path, null).ok()) {
									withoutToken.record(System.nanoTime() - plain);
								}
							}
						}
						catch (Exception ex) {
							failed.incrementAndGet();
						}
						bar.update(done.incrementAndGet());
					}
				}, "bench-editor-" + e);
				thread.setDaemon(true);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
		}
		return new PathResult(path, roundTrip.count(), stale.get(), failed.get(), edit.summary(), withToken.summary(),
				withoutToken.summary(), roundTrip.summary());
	}

}
