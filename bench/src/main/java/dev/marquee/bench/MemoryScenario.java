package dev.marquee.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.read.engine.HollowTypeReadState;
import tools.jackson.databind.json.JsonMapper;

import dev.marquee.bench.platform.Endpoints;
import dev.marquee.bench.report.Report;
import dev.marquee.bench.report.Table;
import dev.marquee.model.Page;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.hollow.remote.HollowProducerEndpoint;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.model.json.MarqueeJson;

/**
 * {@code memory}: loads the producer's latest snapshot over HTTP into a real
 * HollowConsumer in this JVM and measures Hollow's in-memory size
 * ({@code calcApproxDataSize()} and heap growth) against the raw JSON of the very same
 * page records; Cassandra's on-disk size of the read tables for comparison.
 */
final class MemoryScenario {

	private MemoryScenario() {
	}

	/**
	 * The measurement.
	 *
	 * @param version the Hollow version loaded
	 * @param pages page records (both stages)
	 * @param elements their elements
	 * @param snapshotBytes the snapshot blob's size
	 * @param loadMillis snapshot download and load into the consumer
	 * @param approxDataBytes Hollow's own estimate of its data size
	 * @param heapDeltaBytes heap used after the load minus before (after full GCs)
	 * @param rawJsonBytes the same records as JSON (the Kafka path's encoding)
	 * @param cassandraBytes SSTable bytes of the read tables, per table
	 */
	record Measured(long version, long pages, long elements, long snapshotBytes, long loadMillis, long approxDataBytes,
			long heapDeltaBytes, long rawJsonBytes, Map<String, Long> cassandraBytes) {

		double approxRatio() {
			return (this.rawJsonBytes > 0) ? Math.round(1000.0 * this.approxDataBytes / this.rawJsonBytes) / 1000.0 : 0;
		}

		double heapRatio() {
			return (this.rawJsonBytes > 0) ? Math.round(1000.0 * this.heapDeltaBytes / this.rawJsonBytes) / 1000.0 : 0;
		}

	}

	static Report run(Context context, long elements) throws Exception {
		Preload.Loaded loaded = Preload.ensure(context, elements);
		Report report = context.report().parameter("elements", loaded.elements()).parameter("pages", loaded.pages());
		Measured measured = measure(context);
		table(report, measured);
		return report;
	}

	static void table(Report report, Measured m) {
		report.table(Table
			.of("Hollow in memory vs raw JSON of the same records", "measure", "value", "MB", "÷ raw JSON")
			.row("Hollow version", Long.toString(m.version()), Double.NaN, Double.NaN)
			.row("page records (PUBLISHED + PREVIEW)", m.pages(), Double.NaN, Double.NaN)
			.row("elements in them", m.elements(), Double.NaN, Double.NaN)
			.row("raw JSON of those records (bytes)", m.rawJsonBytes(), mb(m.rawJsonBytes()), 1.0)
			.row("Hollow calcApproxDataSize (bytes)", m.approxDataBytes(), mb(m.approxDataBytes()), m.approxRatio())
			.row("heap growth after load, full GC (bytes)", m.heapDeltaBytes(), mb(m.heapDeltaBytes()), m.heapRatio())
			.row("snapshot blob (bytes)", m.snapshotBytes(), mb(m.snapshotBytes()),
					ratio(m.snapshotBytes(), m.rawJsonBytes()))
			.row("snapshot download + load (ms)", m.loadMillis(), Double.NaN, Double.NaN));
		Table cassandra = Table.of("Cassandra marquee_read on disk (SSTables; flushed data only)", "table", "bytes",
				"MB", "÷ raw JSON");
		long total = 0;
		for (Map.Entry<String, Long> table : m.cassandraBytes().entrySet()) {
			cassandra.row(table.getKey(), table.getValue(), mb(table.getValue()),
					ratio(table.getValue(), m.rawJsonBytes()));
			total += table.getValue();
		}
		cassandra.row("total", total, mb(total), ratio(total, m.rawJsonBytes()));
		report.table(cassandra);
		report.data("memory", m);
		report.note("Target: Hollow in-memory size ≤ 0.25 × raw JSON (Tudum: 130 MB = 25% of the uncompressed data). "
				+ "Raw JSON = every Page record of the snapshot serialized with the shared model's JSON codec.");
		report.note("Cassandra counts SSTable files under <MARQUEE_HOME>/data/cassandra/data/marquee_read; data still "
				+ "in memtables/commit log is not on disk in SSTables yet.");
	}

	static Measured measure(Context context) throws Exception {
		HollowProducerEndpoint endpoint = HollowProducerEndpoint.of(context.endpoints.hollow(),
				HollowProducerEndpoint.SERVICE_USER, context.endpoints.servicePassword());
		long version = latestVersion(context);
		long snapshotBytes = snapshotSize(context, version);
		Path staging = Files.createTempDirectory("marquee-bench-memory");
		staging.toFile().deleteOnExit();
		long heapBefore = usedHeapAfterGc();
		long start = System.nanoTime();
		HollowConsumer consumer = HollowConsumer.withBlobRetriever(new HttpBlobRetriever(endpoint, staging)).build();
		consumer.triggerRefreshTo(version);
		long loadMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		if (consumer.getCurrentVersionId() != version) {
			throw new IllegalStateException(
					"could not load Hollow version " + version + " (have " + consumer.getCurrentVersionId() + ")");
		}
		long heapAfter = usedHeapAfterGc();
		HollowReadStateEngine state = consumer.getStateEngine();
		long approx = state.calcApproxDataSize();
		long json = 0;
		long pages = 0;
		long elements = 0;
		HollowTypeReadState pageType = state.getTypeState("Page");
		if (pageType != null) {
			JsonMapper mapper = MarqueeJson.mapper();
			BitSet ordinals = pageType.getPopulatedOrdinals();
			for (int ordinal = ordinals.nextSetBit(0); ordinal >= 0; ordinal = ordinals.nextSetBit(ordinal + 1)) {
				Page page = HollowPages.fromHollow(state, ordinal);
				json += mapper.writeValueAsBytes(page).length;
				pages++;
				elements += page.elements().size();
			}
		}
		// Keep the consumer reachable until the heap was measured.
		context.console.printf("loaded Hollow version %d: %,d pages%n", consumer.getCurrentVersionId(), pages);
		return new Measured(version, pages, elements, snapshotBytes, loadMillis, approx, heapAfter - heapBefore, json,
				cassandraSizes(context.marqueeHome.resolve("data/cassandra/data/marquee_read")));
	}

	static long latestVersion(Context context) throws IOException, InterruptedException {
		HttpResponse<String> response = context.http
			.send(HttpRequest.newBuilder(Endpoints.resolve(context.endpoints.hollow(), "/v1/announcements/latest"))
				.header("Authorization",
						Endpoints.basic(HollowProducerEndpoint.SERVICE_USER, context.endpoints.servicePassword()))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET /v1/announcements/latest answered " + response.statusCode());
		}
		return MarqueeJson.mapper().readTree(response.body()).get("version").asLong();
	}

	private static long snapshotSize(Context context, long version) throws IOException, InterruptedException {
		URI uri = Endpoints.resolve(context.endpoints.hollow(), "/v1/blobs/snapshot?version=" + version);
		HttpResponse<InputStream> response = context.http.send(HttpRequest.newBuilder(uri)
			.header("Authorization",
					Endpoints.basic(HollowProducerEndpoint.SERVICE_USER, context.endpoints.servicePassword()))
			.timeout(Duration.ofMinutes(5))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream in = response.body()) {
			if (response.statusCode() != 200) {
				return -1;
			}
			return in.transferTo(java.io.OutputStream.nullOutputStream());
		}
	}

	static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * SSTable bytes per table of a keyspace directory ({@code
	 *
	<table>
	 * -<id>/...}).
	 * @param keyspace the keyspace's data directory
	 * @return bytes per table, empty when the directory does not exist
	 */
	static Map<String, Long> cassandraSizes(Path keyspace) throws IOException {
		Map<String, Long> sizes = new TreeMap<>();
		if (!Files.isDirectory(keyspace)) {
			return sizes;
		}
		try (Stream<Path> tables = Files.list(keyspace)) {
			for (Path table : tables.filter(Files::isDirectory).toList()) {
				String name = table.getFileName().toString().replaceAll("-[0-9a-f]{32}$", "");
				try (Stream<Path> files = Files.walk(table)) {
					long bytes = files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
					sizes.merge(name, bytes, Long::sum);
				}
			}
		}
		return sizes;
	}

	static double mb(long bytes) {
		return Math.round(bytes / 1024.0 / 1024.0 * 100.0) / 100.0;
	}

	static double ratio(long part, long whole) {
		return (whole > 0) ? Math.round(1000.0 * part / whole) / 1000.0 : Double.NaN;
	}

}
