package dev.marquee.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.marquee.sample.DatasetGenerator;
import dev.marquee.bench.content.WebhookSigner;
import dev.marquee.bench.platform.Endpoints;
import dev.marquee.bench.platform.MetricsClient;
import dev.marquee.bench.platform.PageClient;
import dev.marquee.bench.platform.WebhookClient;
import dev.marquee.bench.report.Report;

/**
 * What every scenario shares: where the platform is, the clients, the dataset generator,
 * the results folder.
 */
final class Context {

	final String scenario;

	final String commandLine;

	final Instant startedAt = Instant.now();

	final Endpoints endpoints;

	final HttpClient http;

	final WebhookClient webhooks;

	final PageClient pages;

	final MetricsClient metrics;

	final DatasetGenerator dataset;

	final Path out;

	final Path marqueeHome;

	final String cassandraContactPoint;

	final int preloadConcurrency;

	final PrintStream console;

	Context(String scenario, String commandLine, Options options, PrintStream console) {
		this.scenario = scenario;
		this.commandLine = commandLine;
		this.console = console;
		this.endpoints = new Endpoints(URI.create(options.string("ingestion-url", "http://127.0.0.1:8081")),
				URI.create(options.string("consumer-url", "http://127.0.0.1:8082")),
				URI.create(options.string("hollow-url", "http://127.0.0.1:8083")),
				URI.create(options.string("page-url", "http://127.0.0.1:8080")),
				options.string("webhook-secret",
						env("MARQUEE_WEBHOOK_SECRET_MARQUEE", WebhookSigner.LOCAL_DEFAULT_SECRET)),
				env("MARQUEE_ADMIN_PASSWORD", "marquee-admin-local"),
				env("MARQUEE_EDITOR_PASSWORD", "marquee-editor-local"),
				env("MARQUEE_SERVICE_PASSWORD", "marquee-service-local"));
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.webhooks = new WebhookClient(this.http, this.endpoints.ingestion(),
				new WebhookSigner(this.endpoints.webhookSecret()));
		this.pages = new PageClient(this.http, this.endpoints);
		this.metrics = new MetricsClient(this.http, this.endpoints.adminAuthorization());
		this.dataset = new DatasetGenerator(options.integer("elements-per-page", 50), options.integer("catalog", 200));
		this.out = Path.of(options.string("out", "bench-results"));
		this.marqueeHome = Path.of(options.string("marquee-home", env("MARQUEE_HOME", ".marquee")));
		this.cassandraContactPoint = options.string("cassandra", "127.0.0.1:9042");
		this.preloadConcurrency = options.integer("preload-concurrency", 16);
	}

	Report report() {
		return new Report(this.scenario, this.startedAt, this.commandLine).parameter("elementsPerPage",
				this.dataset.elementsPerPage());
	}

	static String env(String name, String localDefault) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : localDefault;
	}

}
