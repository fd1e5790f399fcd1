package dev.marquee.page.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemAnnouncer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemPublisher;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.core.ThrowingRunnable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.ReadSchema;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;
import dev.marquee.page.ReadTableWrites;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium against page construction on the real
 * Cassandra node and a Hollow blob store written by a real producer. Ingestion is played
 * by a small HTTP server that checks the demo edit's signature and then does what
 * ingestion, the data consumer and the hollow-producer do for it: writes the edited page
 * to the Cassandra read tables and publishes a new Hollow state, so both paths really
 * converge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "marquee.hollow.producer-url=",
				"marquee.near-cache.refresh-interval=1s",
				"marquee.demo.webhook-secret=" + DashboardBrowserIntegrationTests.SECRET })
class DashboardBrowserIntegrationTests {

	static final String SECRET = "dashboard-test-webhook-secret";

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

	private static final String PAGE_ID = "page-stranger-things";

	private static final String SLUG = "stranger-things";

	private static final String FIRST_HEADING = "Stranger Things 5";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private static final AtomicReference<Page> published = new AtomicReference<>();

	private static Path home;

	private static Path blobs;

	private static HttpServer ingestion;

	private static HollowProducer producer;

	private static CqlSession cassandra;

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@BeforeAll
	static void startBackingServers() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"the dashboard's browser test needs Debian's chromium (/usr/bin/chromium) and chromium-driver "
						+ "(/usr/bin/chromedriver): apt-get install -y chromium chromium-driver");
		home = Files.createTempDirectory("marquee-dashboard-home");
		blobs = Files.createTempDirectory("marquee-dashboard-blobs");
		cassandra = CqlSession.builder()
			.addContactPoint(contactPoint(RealInfrastructure.cassandraContactPoint()))
			.withLocalDatacenter(RealInfrastructure.CASSANDRA_DATACENTER)
			// Schema changes on a busy 2-core machine take longer than the driver's
			// default 2 s.
			.withConfigLoader(DriverConfigLoader.programmaticBuilder()
				.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
				.withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
				.build())
			.build();
		ReadSchema.statements().forEach(cassandra::execute);
		producer = HollowProducer.withPublisher(new HollowFilesystemPublisher(blobs))
			.withAnnouncer(new HollowFilesystemAnnouncer(blobs))
			.build();
		producer.initializeDataModel(HollowPage.class);
		// Both paths hold the page before page construction starts, so neither records it
		// as an edit.
		publish(samplePage(FIRST_HEADING, 7, micros(Instant.now()), Instant.now()));
		ingestion = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		ingestion.createContext("/webhooks/marquee", DashboardBrowserIntegrationTests::receiveWebhook);
		ingestion.start();
	}

	@DynamicPropertySource
	static void backing(DynamicPropertyRegistry registry) {
		RealInfrastructure.registerCassandra(registry);
		registry.add("marquee.home", () -> home.toString());
		registry.add("marquee.hollow.blob-dir", () -> blobs.toString());
		registry.add("marquee.demo.ingestion-url", () -> "http://127.0.0.1:" + ingestion.getAddress().getPort());
	}

	@AfterAll
	static void stopBackingServers() {
		if (ingestion != null) {
			ingestion.stop(0);
		}
		if (cassandra != null) {
			cassandra.close();
		}
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void flipsTheReadPathAndWatchesADemoEditReachBothPaths() throws IOException {
		this.browser = chromium();
		try {
			this.browser.get("http://127.0.0.1:" + this.port + "/");
			awaitText("active-path", "Hollow");
			awaitPreviewHeading("HOLLOW", FIRST_HEADING);
			awaitPreviewHeading("KAFKA_CASSANDRA", FIRST_HEADING);

			// The toggle is an admin action: without a sign-in it only asks for one.
			click("toggle-KAFKA_CASSANDRA");
			awaitTextContaining("toggle-message", "Sign in as admin");
			assertThat(activeReadPath()).isEqualTo("HOLLOW");

			signIn("admin", "not-the-password");
			awaitTextContaining("login-error", "Wrong user or password");
			assertThat(this.browser.findElement(By.id("login-hint")).getText()).contains("admin / marquee-admin-local");
			signIn("admin", "marquee-admin-local");
			awaitText("session-user", "admin");

			click("toggle-KAFKA_CASSANDRA");
			awaitText("active-path", "Kafka → Cassandra");
			assertThat(activeReadPath()).isEqualTo("KAFKA_CASSANDRA");
			assertThat(get("/pages/" + SLUG).headers().firstValue(MarqueeHeaders.READ_PATH))
				.contains("KAFKA_CASSANDRA");

			await().atMost(Duration.ofSeconds(15))
				.ignoreExceptions()
				.untilAsserted(() -> new Select(this.browser.findElement(By.id("demo-slug"))).selectByValue(SLUG));
			click("demo-publish");
			awaitTextContaining("demo-heading", "Demo edit at");
			String heading = this.browser.findElement(By.id("demo-heading")).getText();

			// Exactly one signed native webhook reached "ingestion", carrying the heading
			// the dashboard shows.
			assertThat(deliveries).singleElement().satisfies((delivery) -> {
				assertThat(delivery.signatureValid()).isTrue();
				assertThat(delivery.deliveryId()).startsWith("dashboard-demo-");
				JsonNode body = MarqueeJson.mapper().readTree(delivery.body());
				assertThat(body.path("type").asString()).isEqualTo("page");
				assertThat(body.path("action").asString()).isEqualTo("publish");
				assertThat(body.path("id").asString()).isEqualTo(PAGE_ID);
				assertThat(body.path("version").asLong()).isEqualTo(8);
				assertThat(hero(body.path("fields").path("elements")).path("text").path("heading").asString())
					.isEqualTo(heading);
			});
			assertThat(this.browser.findElement(By.id("demo-token")).getText()).isNotBlank().isNotEqualTo("none");
			assertThat(this.browser.findElement(By.id("demo-status")).getText()).contains("HTTP 200");

			// Both paths converge: the dashboard reports when the edit became visible on
			// each, and shows it.
			awaitTextContaining("demo-visible-HOLLOW", "visible after");
			awaitTextContaining("demo-visible-KAFKA_CASSANDRA", "visible after");
			awaitPreviewHeading("HOLLOW", heading);
			awaitPreviewHeading("KAFKA_CASSANDRA", heading);
			WebElement edit = this.browser
				.findElement(By.cssSelector("#edits-body tr.demo[data-page='" + PAGE_ID + "']"));
			assertThat(edit.findElement(By.cssSelector("td[data-path=HOLLOW] .ms")).getText()).matches(".*\\d.*(ms|s)");
			assertThat(edit.findElement(By.cssSelector("td[data-path=KAFKA_CASSANDRA] .ms")).getText())
				.matches(".*\\d.*(ms|s)");
			awaitUntilAsserted(() -> {
				for (String path : List.of("HOLLOW", "KAFKA_CASSANDRA")) {
					WebElement row = this.browser.findElement(By.id("latency-" + path));
					assertThat(row.findElement(By.cssSelector("td[data-k=count]")).getText()).isEqualTo("1");
					assertThat(row.findElement(By.cssSelector("td[data-k=p99Ms]")).getText()).isNotEqualTo("–");
				}
				assertThat(this.browser.findElements(By.cssSelector("#percentile-chart rect"))).hasSize(6);
				assertThat(this.browser.findElements(By.cssSelector("#series-chart circle")))
					.hasSizeGreaterThanOrEqualTo(2);
			});
			JsonNode report = json(get("/api/propagation"));
			assertThat(report.path("paths").path("HOLLOW").path("count").asLong()).isEqualTo(1);
			assertThat(report.path("paths").path("KAFKA_CASSANDRA").path("count").asLong()).isEqualTo(1);

			// A second click builds on the first edit: the next CMS version, and a second
			// point per path.
			click("demo-publish");
			awaitUntilAsserted(
					() -> assertThat(this.browser.findElement(By.id("demo-heading")).getText()).isNotEqualTo(heading));
			String second = this.browser.findElement(By.id("demo-heading")).getText();
			assertThat(deliveries).hasSize(2);
			assertThat(MarqueeJson.mapper().readTree(deliveries.get(1).body()).path("version").asLong()).isEqualTo(9);
			awaitPreviewHeading("HOLLOW", second);
			awaitPreviewHeading("KAFKA_CASSANDRA", second);
			awaitUntilAsserted(() -> {
				assertThat(this.browser.findElements(By.cssSelector("#edits-body tr.demo"))).hasSize(2);
				assertThat(this.browser.findElements(By.cssSelector("#series-chart circle")))
					.hasSizeGreaterThanOrEqualTo(4);
				assertThat(
						this.browser.findElement(By.cssSelector("#latency-KAFKA_CASSANDRA td[data-k=count]")).getText())
					.isEqualTo("2");
			});
			screenshot();
		}
		catch (AssertionError | RuntimeException ex) {
			screenshot();
			throw ex;
		}

		// The admin's reset forgets what was measured (e.g. before a benchmark run).
		click("latency-reset");
		awaitUntilAsserted(() -> {
			assertThat(this.browser.findElement(By.cssSelector("#latency-HOLLOW td[data-k=count]")).getText())
				.isEqualTo("0");
			assertThat(this.browser.findElement(By.cssSelector("#edits-body tr.empty")).getText())
				.contains("No edits yet");
		});
		assertThat(json(get("/api/propagation")).path("recentEdits").size()).isZero();
	}

	@Test
	void demoEditNeedsAnEditorAndServesTheDashboardPublicly() {
		assertThat(get("/").statusCode()).isEqualTo(200);
		assertThat(get("/js/dashboard.js").statusCode()).isEqualTo(200);
		assertThat(get("/css/dashboard.css").statusCode()).isEqualTo(200);
		HttpResponse<String> settings = get("/api/dashboard");
		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(json(settings).path("localDefaults").path("editor").asString()).isEqualTo("marquee-editor-local");

		// The dashboard's script asks without a Basic challenge, so browsers show its
		// form, not their dialog.
		HttpResponse<String> wrong = send(
				HttpRequest.newBuilder(uri("/api/dashboard/session")).header("X-Requested-With", "XMLHttpRequest"),
				"admin:wrong");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
		HttpResponse<String> editor = send(HttpRequest.newBuilder(uri("/api/dashboard/session")),
				"editor:marquee-editor-local");
		assertThat(json(editor).path("user").asString()).isEqualTo("editor");
		assertThat(json(editor).path("roles").toString()).isEqualTo("[\"EDITOR\"]");

		HttpResponse<String> anonymous = post("/api/demo-edit", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"marquee\"");

		HttpResponse<String> service = post("/api/demo-edit", "marquee-service:marquee-service-local");
		assertThat(service.statusCode()).isEqualTo(403);
		assertThat(json(service).path("type").asString()).isEqualTo("https://marquee.dev/problems/forbidden");

		HttpResponse<String> unknown = post("/api/demo-edit?slug=no-such-page", "editor:marquee-editor-local");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown).path("type").asString()).isEqualTo("https://marquee.dev/problems/demo-page-not-found");
	}

	// ---- the stand-in for ingestion (plus data consumer and hollow-producer)
	// ---------------------------------

	private static void receiveWebhook(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String signature = exchange.getRequestHeaders().getFirst(MarqueeHeaders.WEBHOOK_SIGNATURE);
			String deliveryId = String
				.valueOf(exchange.getRequestHeaders().getFirst(MarqueeHeaders.WEBHOOK_DELIVERY_ID));
			boolean valid = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
					&& validSignature(signature, deliveryId, body);
			deliveries.add(new Delivery(deliveryId, valid, body));
			if (!valid) {
				answer(exchange, 401, "{\"type\":\"https://marquee.dev/problems/invalid-signature\",\"status\":401,"
						+ "\"detail\":\"Signature does not match the body\"}");
				return;
			}
			JsonNode json = MarqueeJson.mapper().readTree(body);
			String heading = hero(json.path("fields").path("elements")).path("text").path("heading").asString();
			Page previous = published.get();
			Instant accepted = Instant.now();
			Page edited = samplePage(heading, json.path("version").asLong(), previous.contentVersion() + 1000,
					accepted);
			long hollowVersion = publish(edited);
			ConsistencyToken token = new ConsistencyToken(Map.of(), hollowVersion,
					Map.of(PAGE_ID, edited.contentVersion()));
			String answer = MarqueeJson.mapper()
				.writeValueAsString(
						Map.of("source", "marquee", "deliveryId", deliveryId, "duplicate", false, "ignored", false,
								"contentType", "page", "documentId", PAGE_ID, "version", edited.sourceVersion(),
								"pages",
								List.of(Map.of("pageId", PAGE_ID, "stage", "PUBLISHED", "slug", SLUG, "change",
										"UPSERT", "contentVersion", edited.contentVersion())),
								"consistencyToken", token.encode()));
			exchange.getResponseHeaders().add(MarqueeHeaders.CONSISTENCY_TOKEN, token.encode());
			answer(exchange, 200, answer);
		}
	}

	// The receiver's check is ingestion's: the shared native webhook contract.
	private static boolean validSignature(@Nullable String header, String deliveryId, byte[] body) {
		try {
			NativeWebhook.verify(SECRET, deliveryId, header, body, NativeWebhook.DEFAULT_TOLERANCE, Clock.systemUTC());
			return true;
		}
		catch (NativeWebhook.Rejected ex) {
			return false;
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * Writes both stages of a page to the Cassandra read tables and into a new Hollow
	 * state.
	 */
	private static synchronized long publish(Page page) {
		for (Stage stage : Stage.values()) {
			writeCassandra(page.withStage(stage));
		}
		long version = producer.runCycle((state) -> {
			for (Stage stage : Stage.values()) {
				state.add(HollowPages.toHollow(page.withStage(stage)));
			}
		});
		published.set(page);
		return version;
	}

	private static void writeCassandra(Page page) {
		ReadTableWrites.write(cassandra, page);
	}

	private static Page samplePage(String heading, long sourceVersion, long contentVersion, Instant ingestedAt) {
		Image keyArt = image("asset-st5-key-art", "The Hawkins kids on bikes");
		List<TitleCard> titles = List.of(
				new TitleCard("title-st", "Stranger Things", "Kids, a secret lab and the Upside Down.", "TV-14",
						List.of("Sci-Fi", "Horror"), image("asset-st", "Stranger Things key art")),
				new TitleCard("title-wed", "Wednesday", "Nevermore Academy's sharpest student.", "TV-14",
						List.of("Comedy", "Mystery"), image("asset-wed", "Wednesday key art")),
				new TitleCard("title-dark", "Dark", "Four families, one town, many times.", "TV-MA",
						List.of("Sci-Fi", "Thriller"), image("asset-dark", "Dark key art")));
		List<Element> elements = List.of(
				new Element("hero", ElementType.HERO, 0, Map.of("heading", heading, "subheading", "The final season"),
						List.of(keyArt), List.of(), List.of()),
				new Element("related", ElementType.TITLE_ROW, 1, Map.of("heading", "More like this"), List.of(), titles,
						List.of()),
				new Element("cast-mbb", ElementType.TALENT_CARD, 2, Map.of(), List.of(), List.of(),
						List.of(new TalentCard("talent-mbb", "Millie Bobby Brown", null))),
				new Element("quote", ElementType.QUOTE, 3,
						Map.of("quote", "Friends don't lie.", "attribution", "Eleven"), List.of(), List.of(),
						List.of()));
		return new Page(PAGE_ID, SLUG, Stage.PUBLISHED, "title-hub", "Stranger Things",
				"Everything about the final season", elements, contentVersion, sourceVersion, ingestedAt,
				"trace-" + contentVersion);
	}

	private static Image image(String assetId, String alt) {
		// A host that never resolves: the dashboard must render well without the CDN (no
		// internet here).
		String url = "https://cdn.marquee.invalid/" + assetId + ".jpg";
		return new Image(assetId, url, 1920, 1080, "image/jpeg", alt, 0.5, 0.3,
				List.of(new Rendition(640, 360, url + "?w=640")));
	}

	private static JsonNode hero(JsonNode elements) {
		for (JsonNode element : elements) {
			if ("HERO".equals(element.path("type").asString())) {
				return element;
			}
		}
		throw new AssertionError("no HERO element in " + elements);
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
	}

	private static InetSocketAddress contactPoint(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
	}

	// ---- browser and HTTP helpers
	// --------------------------------------------------------------------------

	private static WebDriver chromium() throws IOException {
		Path profile = Files.createTempDirectory("marquee-chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1360,2000");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private void signIn(String user, String password) {
		WebElement userField = this.browser.findElement(By.id("login-user"));
		userField.clear();
		userField.sendKeys(user);
		WebElement passwordField = this.browser.findElement(By.id("login-password"));
		passwordField.clear();
		passwordField.sendKeys(password);
		click("login-submit");
	}

	private void click(String id) {
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			WebElement element = this.browser.findElement(By.id(id));
			if (!element.isDisplayed() || !element.isEnabled()) {
				return false;
			}
			element.click();
			return true;
		});
	}

	private void awaitText(String id, String expected) {
		awaitUntilAsserted(() -> assertThat(this.browser.findElement(By.id(id)).getText()).isEqualTo(expected));
	}

	private void awaitTextContaining(String id, String expected) {
		awaitUntilAsserted(() -> assertThat(this.browser.findElement(By.id(id)).getText()).contains(expected));
	}

	private void awaitPreviewHeading(String path, String heading) {
		awaitUntilAsserted(() -> assertThat(
				this.browser.findElement(By.cssSelector("#preview-" + path + " .hero-heading")).getText())
			.isEqualTo(heading));
	}

	private void awaitUntilAsserted(ThrowingRunnable assertion) {
		// Generous: the near cache refreshes every second, and a 2-core CI machine runs
		// Cassandra alongside.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.untilAsserted(assertion);
	}

	private void screenshot() throws IOException {
		byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.createDirectories(SCREENSHOT.getParent());
		Path temp = Files.createTempFile(SCREENSHOT.getParent(), "dashboard", ".png");
		Files.write(temp, png);
		Files.move(temp, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
	}

	private String activeReadPath() {
		return json(get("/api/status")).path("activeReadPath").asString();
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), null);
	}

	private HttpResponse<String> post(String path, String credentials) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), credentials);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String credentials) {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
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

	private static JsonNode json(HttpResponse<String> response) {
		return MarqueeJson.mapper().readTree(response.body());
	}

	/**
	 * One webhook delivery the stand-in received.
	 *
	 * @param deliveryId its {@code Marquee-Delivery-Id}
	 * @param signatureValid whether {@code Marquee-Signature} matched the body and the
	 * secret
	 * @param body the raw body
	 */
	private record Delivery(String deliveryId, boolean signatureValid, byte[] body) {
	}

}
