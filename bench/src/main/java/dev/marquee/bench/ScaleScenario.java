package dev.marquee.bench;

import java.time.Duration;
import java.util.List;

import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;

/**
 * {@code scale}: grows the dataset to a large size (default 1M elements) through the
 * webhook, then measures at that size what the other scenarios measure at 100k: snapshot
 * size and load time, Hollow memory, page latency on both paths, and propagation.
 */
final class ScaleScenario {

	private ScaleScenario() {
	}

	static Report run(Context context, Options options) throws Exception {
		long elements = options.longValue("elements", 1_000_000);
		PagesScenario.Settings pages = new PagesScenario.Settings(elements, options.integer("spread", 1000),
				options.decimal("page-rate", 200), options.duration("duration", Duration.ofSeconds(20)),
				options.duration("warmup", Duration.ofSeconds(5)),
				options.duration("max-duration", Duration.ofSeconds(10)), options.integer("concurrency", 16),
				List.of("HOLLOW", "KAFKA_CASSANDRA"));
		PropagationScenario.Settings propagation = new PropagationScenario.Settings(elements,
				options.decimal("rate", 20), options.integer("edits", 200),
				options.duration("visibility-timeout", Duration.ofSeconds(120)), options.integer("workers", 16), "on");
		options.rejectUnknown();
		Preload.Loaded loaded = Preload.ensure(context, elements);
		Report report = context.report()
			.parameter("elements", loaded.elements())
			.parameter("pages", loaded.pages())
			.chartTitle("At " + loaded.elements() + " elements (ms)");
		if (loaded.posted() > 0) {
			report.table(Table.of("Preload through the signed webhook", "deliveries", "seconds", "deliveries/s")
				.row(loaded.posted(), round(loaded.seconds()),
						round(loaded.posted() / Math.max(0.001, loaded.seconds()))));
		}
		context.console.println("memory and snapshot at this size ...");
		MemoryScenario.table(report, MemoryScenario.measure(context));
		context.console.println("page construction at this size ...");
		PagesScenario.measureInto(report, context, pages, loaded);
		context.console.println("propagation at this size ...");
		PropagationScenario.measure(context, propagation, loaded, report, "overlay on");
		return report;
	}

	static double round(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

}
