package dev.marquee.page.pages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lean public page route ({@link PublicPageFilter}) answers exactly as the Spring MVC
 * route behind Spring Security does: every request is sent twice, once as is and once
 * with a query parameter the filter does not take ({@code via=mvc}, which the controller
 * ignores), so it goes through the normal chain; status, headers and body must match.
 */
class PublicPageRouteIntegrationTests extends IntegrationTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String HEX32 = "[0-9a-f]{32}";

	@Autowired
	private MeterRegistry meters;

	@Test
	void aPageIsAnsweredAsTheMvcRouteAnswersIt() throws Exception {
		Page page = published("lean-page");
		String path = "/pages/" + page.slug();
		String etag = "\"" + page.contentVersion() + "\"";
		for (String query : new String[] { "", "?readPath=HOLLOW" }) {
			same("GET", path + query);
			same("GET", path + query, "Accept-Encoding", "gzip, br");
			same("GET", path + query, "Accept-Encoding", "gzip;q=0");
			same("GET", path + query, "If-None-Match", etag);
			same("GET", path + query, "If-None-Match", "\"" + page.contentVersion() + "-gzip\"", "Accept-Encoding",
					"gzip");
			same("GET", path + query, "If-None-Match", "\"1\"");
			same("HEAD", path + query);
			same("HEAD", path + query, "Accept-Encoding", "gzip");
			same("HEAD", path + query, "If-None-Match", etag);
			same("GET", path + query, "Accept", "*/*");
			same("GET", path + query, "Accept", "text/html");
		}
	}

	@Test
	void aPageCarriesItsHeadersAndTheSecurityHeaders() throws Exception {
		Page page = published("lean-headers");

		HttpResponse<byte[]> response = send("GET", "/pages/" + page.slug() + "?readPath=HOLLOW");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(MarqueeHeaders.READ_PATH)).contains("HOLLOW");
		assertThat(response.headers().firstValue(MarqueeHeaders.CONTENT_VERSION))
			.contains(Long.toString(page.contentVersion()));
		assertThat(response.headers().allValues(MarqueeHeaders.TRACE_ID)).containsExactly(page.traceId());
		assertThat(response.headers().firstValue("ETag")).contains("\"" + page.contentVersion() + "\"");
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("X-XSS-Protection")).contains("0");
		assertThat(response.headers().firstValue("Pragma")).isEmpty();
	}

	@Test
	void aMissingPageIsTheSameProblemOnEitherPath() throws Exception {
		String path = "/pages/lean-missing-" + UUID.randomUUID().toString().substring(0, 8);
		awaitSchema();
		for (String query : new String[] { "", "?readPath=HOLLOW", "?readPath=KAFKA_CASSANDRA" }) {
			HttpResponse<byte[]> lean = same("GET", path + query);
			assertThat(lean.statusCode()).isEqualTo(404);
			assertThat(problemJson(lean).path("type").asString())
				.isEqualTo("https://marquee.dev/problems/page-not-found");
			assertThat(problemJson(lean).path("instance").asString()).isEqualTo(path);
			assertThat(lean.headers().firstValue("Pragma")).contains("no-cache");
			same("HEAD", path + query);
			same("GET", path + query, "Accept", "*/*");
			same("GET", path + query, "Accept", "application/json");
		}
		same("GET", "/pages/lean/nested/missing");
	}

	@Test
	void whatTheLeanRouteDoesNotTakeIsAnsweredByTheNormalChain() throws Exception {
		assertThat(send("GET", "/pages/x?readPath=SOMEWHERE").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/pages/x?readPath=hollow").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/pages/x", "Authorization", "Basic YWRtaW46d3Jvbmc=").statusCode()).isEqualTo(401);
		assertThat(send("GET", "/pages/a/../x").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/pages/a%2Fb").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/pages/x;jsessionid=1").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/pages/x").statusCode()).isIn(401, 403, 405);
		assertThat(send("GET", "/pages").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/preview/pages/x").statusCode()).isEqualTo(401);
	}

	@Test
	void aLeanReadIsTimedAsTheMvcRouteTimesIt() throws Exception {
		Page page = published("lean-timed");
		String missing = "/pages/lean-untimed-" + UUID.randomUUID().toString().substring(0, 8);
		for (String path : new String[] { "/pages/" + page.slug(), missing }) {
			Map<List<Tag>, Long> before = pageTimings();
			send("GET", path);
			List<Tag> lean = oneMore(before);
			before = pageTimings();
			send("GET", path + "?via=mvc");
			List<Tag> mvc = oneMore(before);

			assertThat(lean).as(path).isEqualTo(mvc).contains(Tag.of("uri", PublicPageFilter.PATTERN));
		}
	}

	private Page published(String prefix) {
		String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		Page page = page("page-" + slug, slug, Stage.PUBLISHED, nextVersion(), "Lean");
		publishHollow(page);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/pages/" + slug + "?readPath=HOLLOW", null).statusCode() == 200);
		return page;
	}

	private Map<List<Tag>, Long> pageTimings() {
		Map<List<Tag>, Long> counts = new HashMap<>();
		for (Timer timer : this.meters.find("http.server.requests").tag("uri", PublicPageFilter.PATTERN).timers()) {
			counts.put(timer.getId().getTags(), timer.count());
		}
		return counts;
	}

	private List<Tag> oneMore(Map<List<Tag>, Long> before) {
		// The observation stops after the answer is sent: wait for it.
		List<List<Tag>> grown = await().atMost(Duration.ofSeconds(10))
			.until(() -> pageTimings().entrySet()
				.stream()
				.filter((e) -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
				.map(Map.Entry::getKey)
				.toList(), (tags) -> !tags.isEmpty());
		assertThat(grown).hasSize(1);
		return grown.get(0);
	}

	/**
	 * Sends a request to the lean route and to the MVC route and checks that both answer
	 * alike.
	 * @return the lean route's answer
	 */
	private HttpResponse<byte[]> same(String method, String path, String... headers) throws Exception {
		HttpResponse<byte[]> lean = send(method, path, headers);
		HttpResponse<byte[]> mvc = send(method, path + (path.contains("?") ? "&" : "?") + "via=mvc", headers);
		String what = method + " " + path + " " + String.join(" ", headers);
		assertThat(lean.statusCode()).as(what).isEqualTo(mvc.statusCode());
		assertThat(comparable(lean)).as(what).isEqualTo(comparable(mvc));
		if (lean.statusCode() >= 400) {
			// A problem names the request's own trace; a page names its write's.
			assertThat(lean.headers().firstValue(MarqueeHeaders.TRACE_ID)).as(what)
				.hasValueSatisfying((id) -> assertThat(id).matches(HEX32));
		}
		assertThat(new String(lean.body())).as(what).isEqualTo(new String(mvc.body()));
		return lean;
	}

	private static Map<String, List<String>> comparable(HttpResponse<byte[]> response) {
		Map<String, List<String>> headers = new TreeMap<>();
		response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		headers.remove("date");
		if (response.statusCode() >= 400) {
			headers.remove(MarqueeHeaders.TRACE_ID.toLowerCase(Locale.ROOT));
		}
		return headers;
	}

	private HttpResponse<byte[]> send(String method, String path, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static tools.jackson.databind.JsonNode problemJson(HttpResponse<byte[]> response) {
		return dev.marquee.model.json.MarqueeJson.mapper().readTree(response.body());
	}

}
