package dev.marquee.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemAnnouncer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.Topics;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.testsupport.RealInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * One application context on the real Cassandra node and a real Hollow producer writing a
 * filesystem blob store, shared by every integration test class (each uses its own
 * slugs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.address=127.0.0.1",
		"marquee.hollow.producer-url=", "marquee.near-cache.refresh-interval=4s", "marquee.preview.max-wait=2s" })
public abstract class IntegrationTestSupport {

	protected static final String ADMIN = "admin:marquee-admin-local";

	protected static final String EDITOR = "editor:marquee-editor-local";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Path HOME = temporaryDirectory("marquee-page-home");

	private static final Path BLOBS = temporaryDirectory("marquee-page-blobs");

	private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final Map<String, Page> HOLLOW_PAGES = new LinkedHashMap<>();

	private static HollowProducer hollowProducer;

	private static long hollowOffset;

	private static long hollowVersion = Long.MIN_VALUE;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.registerCassandra(registry);
		registry.add("marquee.home", HOME::toString);
		registry.add("marquee.hollow.blob-dir", BLOBS::toString);
	}

	@Autowired
	protected CqlSession session;

	@LocalServerPort
	protected int port;

	protected static long nextVersion() {
		return VERSIONS.addAndGet(1000);
	}

	/** Waits until page construction applied the read schema, so tests can write rows. */
	protected void awaitSchema() {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> json(get("/api/status", null)).path("paths")
				.path("KAFKA_CASSANDRA")
				.path("schemaApplied")
				.asBoolean());
	}

	/**
	 * Writes a page into the read tables the way the data consumer does
	 * ({@code USING TIMESTAMP version}).
	 */
	protected void writeCassandra(Page page) {
		ReadTableWrites.write(this.session, page);
	}

	/** Records that the data consumer applied a partition up to an offset. */
	protected void writeWatermark(int partition, long offset) {
		this.session.execute(SimpleStatement.newInstance(
				"INSERT INTO marquee_read.applied_watermarks (topic, partition, applied_offset, updated_at) "
						+ "VALUES (?, ?, ?, ?) USING TIMESTAMP ?",
				Topics.PAGE_CHANGES, partition, offset, Instant.now(), offset));
	}

	/**
	 * Puts pages into the next Hollow state with a real producer (filesystem publisher
	 * and announcer). Each new state is tagged with the next write-log offset, as if it
	 * folded one more log entry: a filesystem blob store has no log to follow, so tokens
	 * are compared with the installed state's offset.
	 * @param pages the pages to add or replace
	 * @return the log offset the announced state contains
	 */
	protected static synchronized long publishHollow(Page... pages) {
		if (hollowProducer == null) {
			hollowProducer = HollowProducer.withPublisher(new HollowFilesystemPublisher(BLOBS))
				.withAnnouncer(new HollowFilesystemAnnouncer(BLOBS))
				.build();
			hollowProducer.initializeDataModel(HollowPage.class);
		}
		for (Page page : pages) {
			HOLLOW_PAGES.put(page.pageId() + "/" + page.stage(), page);
		}
		hollowProducer.getWriteEngine().addHeaderTag(WriteLog.STATE_OFFSET_TAG, Long.toString(hollowOffset + 1));
		long version = hollowProducer
			.runCycle((state) -> HOLLOW_PAGES.values().forEach((page) -> state.add(HollowPages.toHollow(page))));
		if (version != hollowVersion) {
			hollowOffset++;
			hollowVersion = version;
		}
		return hollowOffset;
	}

	protected static Page page(String pageId, String slug, Stage stage, long version, String heading) {
		return TestPages.page(pageId, slug, stage, version, heading, Instant.now());
	}

	protected HttpResponse<String> get(String path, String credentials, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		return send(request, credentials, headers);
	}

	/** A GET to another instance of page construction on this host. */
	protected static HttpResponse<String> getAt(int port, String path, String credentials, String... headers) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), credentials, headers);
	}

	/** A PUT of JSON to an instance of page construction on this host. */
	protected static HttpResponse<String> putAt(int port, String path, String body, String credentials) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json"), credentials);
	}

	protected HttpResponse<String> put(String path, String body, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		return send(request, credentials);
	}

	protected HttpResponse<String> post(String path, String credentials) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), credentials);
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return MarqueeJson.mapper().readTree(response.body());
	}

	protected static String heading(HttpResponse<String> response) {
		return json(response).path("elements").path(0).path("text").path("heading").asString();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String credentials, String... headers) {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static void deleteRecursively(Path dir) {
		try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a temporary directory
		}
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			Path dir = Files.createTempDirectory(prefix);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
