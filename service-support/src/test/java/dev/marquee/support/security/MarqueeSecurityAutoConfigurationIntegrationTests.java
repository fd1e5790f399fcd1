package dev.marquee.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that declares only its access rules gets the users, the stateless chain and
 * the problem+json 401/403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.address=127.0.0.1",
		"marquee.security.admin-password=admin-secret",
		// The optional Cassandra and Kafka modules are on this module's test classpath;
		// this service has
		// neither (a service that has them brings its own connection settings).
		"spring.autoconfigure.exclude=org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration,"
				+ "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
class MarqueeSecurityAutoConfigurationIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Test
	void withoutCredentialsTheAnswerIsAnUnauthorizedProblem() throws Exception {
		HttpResponse<String> response = get("/admin/hello", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"marquee\"");
		assertThat(response.body()).contains("https://marquee.dev/problems/unauthorized");
	}

	@Test
	void aUserWithoutTheRoleGetsAForbiddenProblem() throws Exception {
		HttpResponse<String> response = get("/admin/hello", "editor:marquee-editor-local");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("https://marquee.dev/problems/forbidden");
	}

	@Test
	void theConfiguredAdminPasswordOpensTheAdminEndpoint() throws Exception {
		assertThat(get("/admin/hello", "admin:admin-secret").statusCode()).isEqualTo(200);
		assertThat(get("/admin/hello", "admin:marquee-admin-local").statusCode()).isEqualTo(401);
	}

	@Test
	void noSessionIsCreated() throws Exception {
		assertThat(get("/admin/hello", "admin:admin-secret").headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void anUnexpectedFailureIsAnInternalErrorProblem() throws Exception {
		HttpResponse<String> response = get("/admin/fail", "admin:admin-secret");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("https://marquee.dev/problems/internal-error");
	}

	private HttpResponse<String> get(String path, @Nullable String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		SecurityFilterChain rules(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
					.permitAll()
					.requestMatchers("/admin/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated())
				.build();
		}

		@Bean
		Hello hello() {
			return new Hello();
		}

	}

	@RestController
	static class Hello {

		@GetMapping("/admin/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/admin/fail")
		String fail() {
			throw new IllegalStateException("a bug");
		}

	}

}
