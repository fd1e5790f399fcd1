package dev.marquee.page.hollow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.PageConstructionApplication;
import dev.marquee.page.TestPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Page construction started while Cassandra is unreachable (a port nothing listens on):
 * it must start and serve the HOLLOW path, which needs no Cassandra, and answer the
 * Cassandra path with a 503. This is why it opens its driver session lazily and excludes
 * Boot's eager Cassandra health contributor.
 */
class CassandraDownIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static TestWriteLog log;

	private static HollowBlobHttpServer producer;

	private static ConfigurableApplicationContext application;

	private static int port;

	@BeforeAll
	static void startWithoutCassandra() throws IOException {
		Path blobs = Files.createTempDirectory("marquee-cassandra-down-blobs");
		log = new TestWriteLog(blobs);
		log.upsert(TestPages.page("cd-1", "cassandra-down", Stage.PUBLISHED, 1, "Served without Cassandra"));
		log.cycle();
		producer = new HollowBlobHttpServer(blobs, log);
		producer.start();
		application = new SpringApplicationBuilder(PageConstructionApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1",
				"--marquee.home=" + Files.createTempDirectory("marquee-cassandra-down-home"),
				"--marquee.hollow.producer-url=" + producer.url(),
				"--spring.cassandra.contact-points=127.0.0.1:" + unusedPort(),
				"--spring.cassandra.local-datacenter=datacenter1", "--spring.cassandra.connection.connect-timeout=1s",
				"--spring.cassandra.connection.init-query-timeout=1s");
		port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		if (producer != null) {
			producer.stop();
		}
	}

	@Test
	void startsAndServesHollowWhileTheCassandraPathAnswers503() {
		HttpResponse<String> hollow = await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/pages/cassandra-down?readPath=HOLLOW"), (response) -> response.statusCode() == 200);
		assertThat(hollow.body()).contains("Served without Cassandra");
		HttpResponse<String> cassandra = get("/pages/cassandra-down?readPath=KAFKA_CASSANDRA");
		assertThat(cassandra.statusCode()).isEqualTo(503);
		assertThat(cassandra.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		// The lean page route (pages.PublicPageFilter) answers it as the Spring MVC route
		// does, which an extra query parameter reaches.
		HttpResponse<String> mvc = get("/pages/cassandra-down?readPath=KAFKA_CASSANDRA&via=mvc");
		assertThat(cassandra.body()).contains("https://marquee.dev/problems/read-path-unavailable");
		// The detail quotes the driver's error, which names each connection attempt.
		assertThat(withoutDetail(cassandra.body())).isEqualTo(withoutDetail(mvc.body()));
		assertThat(cassandra.headers().firstValue("Retry-After")).contains("5")
			.isEqualTo(mvc.headers().firstValue("Retry-After"));
		for (String header : new String[] { "Content-Type", "Cache-Control", "Pragma", "Expires",
				"X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection" }) {
			assertThat(cassandra.headers().allValues(header)).as(header)
				.isNotEmpty()
				.isEqualTo(mvc.headers().allValues(header));
		}
	}

	private static String withoutDetail(String problem) {
		ObjectNode json = (ObjectNode) MarqueeJson.mapper().readTree(problem);
		assertThat(json.has("detail")).isTrue();
		json.put("detail", "");
		return json.toString();
	}

	private static HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
