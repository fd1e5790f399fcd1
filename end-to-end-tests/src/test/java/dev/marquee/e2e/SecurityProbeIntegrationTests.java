package dev.marquee.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.marquee.e2e.PlatformUnderTest.Service;
import dev.marquee.model.MarqueeHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes every protected endpoint of every service from outside: without credentials,
 * with a wrong password and with too little privilege. Each must refuse with 401 or 403
 * as problem+json.
 */
@Order(2)
class SecurityProbeIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static PlatformUnderTest platform;

	@BeforeAll
	static void startPlatform() {
		platform = PlatformUnderTest.shared();
	}

	/** A protected endpoint and the role it needs. */
	record Endpoint(Service service, String method, String path, String role) {

		@Override
		public String toString() {
			return this.method + " " + this.service.module + this.path;
		}

	}

	static List<Endpoint> protectedEndpoints() {
		return List.of(new Endpoint(Service.PAGE_CONSTRUCTION, "GET", "/admin/read-path", "ADMIN"),
				new Endpoint(Service.PAGE_CONSTRUCTION, "PUT", "/admin/read-path", "ADMIN"),
				new Endpoint(Service.PAGE_CONSTRUCTION, "GET", "/preview/pages/anything", "EDITOR"),
				new Endpoint(Service.INGESTION, "POST", "/admin/regenerate", "ADMIN"),
				new Endpoint(Service.INGESTION, "GET", "/admin/regenerate/status", "ADMIN"),
				new Endpoint(Service.INGESTION, "GET", "/admin/render-problems", "ADMIN"),
				new Endpoint(Service.DATA_CONSUMER, "POST", "/admin/rebuild", "ADMIN"),
				new Endpoint(Service.DATA_CONSUMER, "GET", "/admin/rebuild/status", "ADMIN"),
				new Endpoint(Service.DATA_CONSUMER, "POST", "/admin/dlt/redrive", "ADMIN"),
				new Endpoint(Service.HOLLOW_PRODUCER, "POST", "/v1/writes", "SERVICE"),
				new Endpoint(Service.HOLLOW_PRODUCER, "GET", "/v1/blobs/snapshot?version=9223372036854775807",
						"SERVICE"),
				new Endpoint(Service.HOLLOW_PRODUCER, "GET", "/v1/announcements/latest", "SERVICE"));
	}

	@ParameterizedTest
	@MethodSource("protectedEndpoints")
	void refusesAnonymousCallers(Endpoint endpoint) throws Exception {
		HttpResponse<String> response = call(endpoint, null);

		assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).as(endpoint.toString())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@ParameterizedTest
	@MethodSource("protectedEndpoints")
	void refusesAWrongPassword(Endpoint endpoint) throws Exception {
		assertThat(call(endpoint, basic("admin", "not-the-password")).statusCode()).as(endpoint.toString())
			.isEqualTo(401);
	}

	@ParameterizedTest
	@MethodSource("protectedEndpoints")
	void refusesTooLittlePrivilege(Endpoint endpoint) throws Exception {
		// An editor may preview but not administer; no human account may act as a
		// service.
		String caller = endpoint.role().equals("EDITOR") ? basic("marquee-service", "marquee-service-local")
				: basic("editor", "marquee-editor-local");

		assertThat(call(endpoint, caller).statusCode()).as(endpoint.toString()).isEqualTo(403);
	}

	@Test
	void webhookSignedOutsideTheTimestampToleranceIsRefused() throws Exception {
		byte[] body = Content.asset("replayed-asset", 1).getBytes(StandardCharsets.UTF_8);
		long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
		HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url(Service.INGESTION) + "/webhooks/marquee"))
			.header("Content-Type", "application/json")
			.header(MarqueeHeaders.WEBHOOK_DELIVERY_ID, "replayed")
			.header(MarqueeHeaders.WEBHOOK_SIGNATURE, MarqueeClient.sign("replayed", tenMinutesAgo, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();

		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private static HttpResponse<String> call(Endpoint endpoint, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(platform.url(endpoint.service()) + endpoint.path()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.method(endpoint.method(), endpoint.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
