package dev.marquee.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.ReportWriter;

/**
 * {@code ./marquee bench <scenario> [--option value ...]}: measures a running Marquee
 * platform from outside and writes the results (terminal table, JSON, Markdown, PNG
 * chart) to a timestamped folder under {@code bench-results/}.
 */
public final class Bench {

	static final String USAGE = """
			usage: ./marquee bench <scenario> [options]

			scenarios (each runs in a few minutes with its defaults on a 2-core machine):
			  propagation  preload --elements (100000), then --edits (1000) signed webhook edits at --rate (20/s);
			               time until each is readable on HOLLOW and KAFKA_CASSANDRA; stage breakdown, CPU per
			               edit per process; --overlay both (on | off): a round with page-construction's
			               overlay of the write log and one with Hollow states only
			  pages        a 50-element page per path (HOLLOW, KAFKA_CASSANDRA near cache, CASSANDRA_DIRECT):
			               latency at --rate (200/s) for --duration (20s), then max throughput (--concurrency 16)
			  preview      --edits (2000) draft saves per path, each previewed at once with its consistency
			               token by --concurrency (8) editors; stale answers must be 0
			  memory       Hollow in-memory size of --elements (100000) vs raw JSON; Cassandra on-disk size
			  scale        --elements (1000000): preload, snapshot, memory, pages and propagation at that size
			  soak         preload --elements (100000), then for --duration (5m) signed webhook edits at --edit-rate
			               (100/s) and page reads alternating HOLLOW/KAFKA_CASSANDRA at --read-rate (500/s) by
			               --workers (128) each; every --sample-every (15s) heap after GC per service, Kafka lag,
			               Hollow version gap; verdict: no errors, no heap growth, lag bounded, rates achieved

			common options:
			  --out bench-results        results folder (a timestamped subfolder per run)
			  --ingestion-url http://127.0.0.1:8081   --consumer-url http://127.0.0.1:8082
			  --hollow-url http://127.0.0.1:8083      --page-url http://127.0.0.1:8080
			  --cassandra 127.0.0.1:9042 --marquee-home .marquee --elements-per-page 50 --catalog 200
			  --preload-concurrency 16      webhooks in flight while preloading
			  --webhook-secret (env MARQUEE_WEBHOOK_SECRET_MARQUEE, local default local-marquee-webhook-secret)
			  passwords come from MARQUEE_ADMIN_PASSWORD / MARQUEE_EDITOR_PASSWORD / MARQUEE_SERVICE_PASSWORD
			  or the local defaults.
			""";

	// Held so the level set on it survives (java.util.logging keeps loggers weakly).
	private static final java.util.logging.Logger QUIET = java.util.logging.Logger
		.getLogger("dev.marquee.model.hollow.remote");

	private Bench() {
	}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		// The announcement watcher logs its own shutdown as a lost producer; the bench
		// reports what matters.
		QUIET.setLevel(java.util.logging.Level.SEVERE);
		int status = run(Arrays.asList(args), System.out);
		System.exit(status);
	}

	static int run(List<String> args, PrintStream console) {
		if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
			console.print(USAGE);
			return args.isEmpty() ? 2 : 0;
		}
		String scenario = args.get(0);
		String commandLine = "./marquee bench " + String.join(" ", args);
		try {
			Options options = Options.parse(args.subList(1, args.size()));
			Context context = new Context(scenario, commandLine, options, console);
			Report report = switch (scenario) {
				case "propagation" -> {
					PropagationScenario.Settings settings = PropagationScenario.Settings.from(options, 100_000, 1_000);
					options.rejectUnknown();
					yield PropagationScenario.run(context, settings);
				}
				case "pages" -> {
					PagesScenario.Settings settings = PagesScenario.Settings.from(options);
					options.rejectUnknown();
					yield PagesScenario.run(context, settings);
				}
				case "preview" -> {
					PreviewScenario.Settings settings = PreviewScenario.Settings.from(options);
					options.rejectUnknown();
					yield PreviewScenario.run(context, settings);
				}
				case "memory" -> {
					long elements = options.longValue("elements", 100_000);
					options.rejectUnknown();
					yield MemoryScenario.run(context, elements);
				}
				case "soak" -> {
					SoakScenario.Settings settings = SoakScenario.Settings.from(options);
					options.rejectUnknown();
					yield SoakScenario.run(context, settings);
				}
				case "scale" -> ScaleScenario.run(context, options);
				default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "'");
			};
			console.print(report.text());
			Path folder = ReportWriter.write(report, context.out);
			console.println();
			console.println("results: " + folder.toAbsolutePath().normalize());
			return 0;
		}
		catch (IllegalArgumentException ex) {
			console.println("bench: " + ex.getMessage());
			console.println();
			console.print(USAGE);
			return 2;
		}
		catch (Exception ex) {
			console.println("bench " + scenario + " failed: " + ex);
			Throwable cause = ex.getCause();
			if (cause != null) {
				console.println("  caused by: " + cause);
			}
			return 1;
		}
	}

}
