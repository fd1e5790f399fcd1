package dev.marquee.page.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.readpath.ReadPathSwitch;
import dev.marquee.page.source.PageSources;
import dev.marquee.support.observability.HttpClientObservation;

/**
 * The dashboard's beans and its own security rule: {@code POST /api/demo-edit} needs EDITOR,
 * {@code GET /api/dashboard/session} any user, {@code GET /api/dashboard} is public. It is a separate filter
 * chain, ordered before the service's catch-all one and matching only these paths, so the dashboard needs no
 * change to the service's security. A script asking with {@code X-Requested-With: XMLHttpRequest} gets its 401
 * without a {@code WWW-Authenticate} challenge, so the browser shows the dashboard's login form instead of its
 * own password dialog.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DashboardConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain dashboardSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/demo-edit", "/api/dashboard", "/api/dashboard/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/demo-edit")
				.hasRole("EDITOR")
				.requestMatchers(HttpMethod.GET, "/api/dashboard")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/dashboard/session")
				.authenticated()
				.anyRequest()
				.denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(DashboardConfiguration::unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(DashboardConfiguration::unauthorized)
				.accessDeniedHandler((request, response, ex) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
						"Forbidden", "Your user lacks the role this endpoint needs (demo edits: EDITOR)",
						request.getRequestURI())));
		return http.build();
	}

	@Bean
	DemoEdits demoEdits(PageSources sources, ReadPathSwitch readPath, DemoProperties properties,
			Environment environment, Clock clock, ObjectProvider<HttpClientObservation> observation) {
		return new DemoEdits(sources, readPath, properties.ingestionUrl(), secret(properties, environment),
				properties.timeout(), clock, observed(observation));
	}

	private static UnaryOperator<HttpClient> observed(ObjectProvider<HttpClientObservation> observation) {
		HttpClientObservation available = observation.getIfAvailable();
		return (available != null) ? available : UnaryOperator.identity();
	}

	@Bean
	DemoSecretBanner demoSecretBanner(DemoProperties properties, Environment environment) {
		return new DemoSecretBanner(properties, environment);
	}

	/**
	 * The secret demo edits are signed with: {@code marquee.demo.webhook-secret}, else ingestion's own variable
	 * {@code MARQUEE_WEBHOOK_SECRET_MARQUEE}, else the local default both services share.
	 */
	static String secret(DemoProperties properties, Environment environment) {
		String configured = properties.webhookSecret();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return environment.getProperty("MARQUEE_WEBHOOK_SECRET_MARQUEE", DemoEdits.LOCAL_WEBHOOK_SECRET);
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			Exception ex) throws IOException {
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"marquee\"");
		}
		write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
				"Missing or wrong HTTP Basic credentials (demo edits: an editor or admin)", request.getRequestURI());
	}

	private static void write(HttpServletResponse response, HttpStatus status, String type, String title,
			String detail, String instance) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://marquee.dev/problems/" + type));
		problem.setTitle(title);
		problem.setInstance(URI.create(instance));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(MarqueeJson.mapper().writeValueAsBytes(problem));
	}

	/**
	 * Logs where demo edits go and whether they are signed with the local default secret; the {@code prod}
	 * profile refuses to start with it, like every other local default.
	 */
	static final class DemoSecretBanner {

		private final DemoProperties properties;

		private final Environment environment;

		DemoSecretBanner(DemoProperties properties, Environment environment) {
			this.properties = properties;
			this.environment = environment;
			if (Arrays.asList(environment.getActiveProfiles()).contains("prod") && isLocalDefault()) {
				throw new IllegalStateException("Profile prod refuses to start with the local default webhook secret "
						+ "for dashboard demo edits: set MARQUEE_WEBHOOK_SECRET_MARQUEE (or marquee.demo.webhook-secret)");
			}
		}

		boolean isLocalDefault() {
			return DemoEdits.LOCAL_WEBHOOK_SECRET.equals(secret(this.properties, this.environment));
		}

		@EventListener(ApplicationReadyEvent.class)
		void print() {
			if (isLocalDefault()) {
				logger.info("Dashboard demo edits post to {}/webhooks/marquee signed with webhook secret '{}' "
						+ "[LOCAL DEFAULT - set MARQUEE_WEBHOOK_SECRET_MARQUEE in production]",
						this.properties.ingestionUrl(), DemoEdits.LOCAL_WEBHOOK_SECRET);
			}
			else {
				logger.info("Dashboard demo edits post to {}/webhooks/marquee signed with the webhook secret from "
						+ "MARQUEE_WEBHOOK_SECRET_MARQUEE / marquee.demo.webhook-secret (not printed)",
						this.properties.ingestionUrl());
			}
		}

	}

}
