package dev.marquee.page.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;
import dev.marquee.page.PageConstructionProperties;
import dev.marquee.page.TestPages;
import dev.marquee.page.readpath.ReadPathSwitch;
import dev.marquee.page.source.PageSource;
import dev.marquee.page.source.PageSources;
import dev.marquee.page.source.PageSummary;
import dev.marquee.page.source.SourceUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DemoEditsTests {

	private static final Instant NOW = Instant.parse("2026-11-26T04:30:00.123Z");

	private final PageSource hollow = source(ReadPath.HOLLOW);

	private final PageSource cassandra = source(ReadPath.KAFKA_CASSANDRA);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer ingestion;

	private volatile int status = 200;

	private volatile String answer = "{\"consistencyToken\":\"from-body\"}";

	private volatile String tokenHeader = "from-header";

	@TempDir
	Path home;

	@BeforeEach
	void startIngestion() throws IOException {
		this.ingestion = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.ingestion.createContext("/webhooks/marquee", (exchange) -> {
			this.received.add(new Received(exchange.getRequestHeaders().getFirst(MarqueeHeaders.WEBHOOK_SIGNATURE),
					exchange.getRequestHeaders().getFirst(MarqueeHeaders.WEBHOOK_DELIVERY_ID),
					exchange.getRequestBody().readAllBytes()));
			byte[] bytes = this.answer.getBytes(StandardCharsets.UTF_8);
			if (this.tokenHeader != null) {
				exchange.getResponseHeaders().add(MarqueeHeaders.CONSISTENCY_TOKEN, this.tokenHeader);
			}
			exchange.sendResponseHeaders(this.status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.ingestion.start();
	}

	@AfterEach
	void stopIngestion() {
		this.ingestion.stop(0);
	}

	@Test
	void postsASignedPublishOfTheNewestCopyWithTheNextVersion() {
		Page older = TestPages.page("p1", "one", Stage.PUBLISHED, 100, "Old");
		Page newer = new Page("p1", "one", Stage.PUBLISHED, "title-hub", "T", null, older.elements(), 200, 5, NOW, "t");
		given(this.hollow.findFresh("one", Stage.PUBLISHED)).willReturn(Optional.of(older));
		given(this.cassandra.findFresh("one", Stage.PUBLISHED)).willReturn(Optional.of(newer));
		given(this.cassandra.findFresh("one", Stage.PREVIEW)).willReturn(Optional.of(newer.withStage(Stage.PREVIEW)));

		DemoEditResult result = demoEdits(ingestionUrl()).publish("one");

		assertThat(result.heading()).isEqualTo("Demo edit at 04:30:00.123 UTC");
		assertThat(result.version()).isEqualTo(6);
		assertThat(result.consistencyToken()).isEqualTo("from-header");
		assertThat(result.ingestionStatus()).isEqualTo(200);
		assertThat(this.received).singleElement().satisfies((request) -> {
			assertThat(request.signature())
				.isEqualTo(NativeWebhook.sign("secret", request.deliveryId(), NOW.toEpochMilli(), request.body()));
			assertThat(request.deliveryId()).isEqualTo(result.deliveryId()).startsWith("dashboard-demo-");
			JsonNode body = MarqueeJson.mapper().readTree(request.body());
			assertThat(body.path("version").asLong()).isEqualTo(6);
			assertThat(body.path("fields").path("elements").path(0).path("text").path("heading").asString())
				.isEqualTo(result.heading());
		});
	}

	@Test
	void takesTheTokenFromTheBodyWithoutHeader() {
		this.tokenHeader = null;
		givenPublished(this.hollow, TestPages.page("p1", "one", Stage.PUBLISHED, 100, "Old"));

		assertThat(demoEdits(ingestionUrl()).publish("one").consistencyToken()).isEqualTo("from-body");
	}

	@Test
	void withoutSlugEditsTheFirstPublishedPageWithAHero() {
		given(this.hollow.list(Stage.PUBLISHED)).willReturn(List.of(new PageSummary("p2", "two", "Two", 1)));
		givenPublished(this.hollow, TestPages.page("p2", "two", Stage.PUBLISHED, 100, "Old"));
		given(this.cassandra.findFresh("two", Stage.PUBLISHED))
			.willThrow(new SourceUnavailableException(ReadPath.KAFKA_CASSANDRA, "down", new RuntimeException()));

		assertThat(demoEdits(ingestionUrl()).publish(null).slug()).isEqualTo("two");
	}

	@Test
	void basesTheEditOnThePendingDraftSoItIsNotOverwritten() {
		Page published = TestPages.page("p1", "one", Stage.PUBLISHED, 100, "Published heading");
		Page draft = new Page("p1", "one", Stage.PREVIEW, published.template(), "Draft title", "Draft summary",
				published.elements(), 300, published.sourceVersion() + 4, NOW, "t");
		given(this.hollow.findFresh("one", Stage.PUBLISHED)).willReturn(Optional.of(published));
		given(this.hollow.findFresh("one", Stage.PREVIEW)).willReturn(Optional.of(draft));

		DemoEditResult result = demoEdits(ingestionUrl()).publish("one");

		assertThat(result.version()).isEqualTo(draft.sourceVersion() + 1);
		JsonNode body = MarqueeJson.mapper().readTree(this.received.get(0).body());
		assertThat(body.path("fields").path("title").asString()).isEqualTo("Draft title");
		assertThat(body.path("fields").path("summary").asString()).isEqualTo("Draft summary");
		assertThat(body.path("version").asLong()).isEqualTo(draft.sourceVersion() + 1);
	}

	@Test
	void refusesWithConflictWhenADraftMovedThePageToAnotherSlug() {
		given(this.hollow.findFresh("one", Stage.PUBLISHED))
			.willReturn(Optional.of(TestPages.page("p1", "one", Stage.PUBLISHED, 100, "Old")));
		given(this.hollow.findFresh("one", Stage.PREVIEW))
			.willReturn(Optional.of(TestPages.page("other-page", "one", Stage.PREVIEW, 100, "Someone else's")));

		assertThatExceptionOfType(DemoEditException.class).isThrownBy(() -> demoEdits(ingestionUrl()).publish("one"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.type()).isEqualTo("demo-pending-draft");
			});
		assertThat(this.received).isEmpty();
	}

	@Test
	void reportsAnUnknownPage() {
		assertThatExceptionOfType(DemoEditException.class).isThrownBy(() -> demoEdits(ingestionUrl()).publish("nope"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThat(this.received).isEmpty();
	}

	@Test
	void passesOnIngestionsRefusal() {
		this.status = 401;
		this.answer = "{\"type\":\"https://marquee.dev/problems/invalid-signature\",\"detail\":\"Signature does not match the body\"}";
		givenPublished(this.hollow, TestPages.page("p1", "one", Stage.PUBLISHED, 100, "Old"));

		assertThatExceptionOfType(DemoEditException.class).isThrownBy(() -> demoEdits(ingestionUrl()).publish("one"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
				assertThat(ex.type()).isEqualTo("demo-edit-refused");
				assertThat(ex.ingestionStatus()).isEqualTo(401);
				assertThat(ex.getMessage()).contains("HTTP 401").contains("Signature does not match the body");
			});
	}

	@Test
	void reportsUnreachableIngestionAsServiceUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		givenPublished(this.hollow, TestPages.page("p1", "one", Stage.PUBLISHED, 100, "Old"));

		assertThatExceptionOfType(DemoEditException.class)
			.isThrownBy(() -> demoEdits(URI.create("http://127.0.0.1:" + closedPort)).publish("one"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.type()).isEqualTo("demo-ingestion-unavailable");
			});
	}

	private static void givenPublished(PageSource source, Page page) {
		given(source.findFresh(page.slug(), Stage.PUBLISHED)).willReturn(Optional.of(page));
		given(source.findFresh(page.slug(), Stage.PREVIEW)).willReturn(Optional.of(page.withStage(Stage.PREVIEW)));
	}

	private DemoEdits demoEdits(URI ingestionUrl) {
		PageConstructionProperties properties = new PageConstructionProperties(this.home,
				new PageConstructionProperties.ReadPathSettings(ReadPath.HOLLOW),
				new PageConstructionProperties.NearCache(Duration.ofSeconds(30), Duration.ofMillis(1)),
				new PageConstructionProperties.Preview(Duration.ofSeconds(5)),
				new PageConstructionProperties.Hollow(null, null, Duration.ofMillis(20), Duration.ofSeconds(20)),
				new PageConstructionProperties.Security("a", "e", "s"));
		return new DemoEdits(new PageSources(List.of(this.hollow, this.cassandra)), new ReadPathSwitch(properties),
				ingestionUrl, "secret", Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC),
				java.util.function.UnaryOperator.identity());
	}

	private URI ingestionUrl() {
		return URI.create("http://127.0.0.1:" + this.ingestion.getAddress().getPort());
	}

	private static PageSource source(ReadPath path) {
		PageSource source = mock(PageSource.class);
		given(source.path()).willReturn(path);
		given(source.findFresh(anyString(), any())).willReturn(Optional.empty());
		given(source.list(any())).willReturn(List.of());
		return source;
	}

	private record Received(String signature, String deliveryId, byte[] body) {
	}

}
