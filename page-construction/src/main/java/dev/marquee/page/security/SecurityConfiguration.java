package dev.marquee.page.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.marquee.model.json.MarqueeJson;
import dev.marquee.page.PageConstructionProperties;

/**
 * Who may call what: {@code GET /pages/**}, {@code /api/**}, {@code /}, static assets, OpenAPI and health are
 * public; {@code /preview/**} needs EDITOR; {@code /admin/**} and the other actuator endpoints need ADMIN.
 * Failures are problem+json (401 with a Basic challenge, 403).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String LOCAL_ADMIN = "marquee-admin-local";

	static final String LOCAL_EDITOR = "marquee-editor-local";

	static final String LOCAL_SERVICE = "marquee-service-local";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, "/pages", "/pages/**", "/api/**", "/", "/index.html", "/favicon.ico",
						"/static/**", "/css/**", "/js/**", "/assets/**", "/images/**", "/webjars/**")
				.permitAll()
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.requestMatchers("/preview/**")
				.hasRole("EDITOR")
				.requestMatchers("/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Basic realm=\"marquee\"");
					write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
							"This endpoint needs HTTP Basic credentials (preview: an editor; admin: an admin)",
							request.getRequestURI());
				})
				.accessDeniedHandler((request, response, ex) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
						"Forbidden", "Your user lacks the role this endpoint needs", request.getRequestURI())));
		http.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"marquee\"");
			write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
					"Missing or wrong HTTP Basic credentials", request.getRequestURI());
		}));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Basic auth checks the password on every stateless request, and these hashes exist only in memory (made at
		// startup from configuration): cost 4 keeps a check near 1 ms where the default cost 10 took ~100 ms of CPU
		// and made authenticated previews CPU-bound under load.
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	UserDetailsService users(PageConstructionProperties properties, PasswordEncoder encoder) {
		PageConstructionProperties.Security security = properties.security();
		return new InMemoryUserDetailsManager(
				User.withUsername("admin")
					.password(encoder.encode(security.adminPassword()))
					.roles("ADMIN", "EDITOR")
					.build(),
				User.withUsername("editor").password(encoder.encode(security.editorPassword())).roles("EDITOR").build(),
				User.withUsername("marquee-service")
					.password(encoder.encode(security.servicePassword()))
					.roles("SERVICE")
					.build());
	}

	@Bean
	CredentialsBanner credentialsBanner(PageConstructionProperties properties, Environment environment) {
		return new CredentialsBanner(properties, environment);
	}

	private static void write(HttpServletResponse response, HttpStatus status, String type, String title,
			String detail, String instance) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://marquee.dev/problems/" + type);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", instance);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(MarqueeJson.mapper().writeValueAsBytes(problem));
	}

	/**
	 * Logs which credentials are local defaults, and refuses to run the {@code prod} profile with any of them.
	 */
	static final class CredentialsBanner {

		private final PageConstructionProperties properties;

		private final Environment environment;

		CredentialsBanner(PageConstructionProperties properties, Environment environment) {
			this.properties = properties;
			this.environment = environment;
			List<String> defaults = localDefaults();
			if (Arrays.asList(environment.getActiveProfiles()).contains("prod") && !defaults.isEmpty()) {
				throw new IllegalStateException("Profile prod refuses to start with local default credentials for "
						+ defaults + ": set MARQUEE_ADMIN_PASSWORD, MARQUEE_EDITOR_PASSWORD, MARQUEE_SERVICE_PASSWORD");
			}
		}

		List<String> localDefaults() {
			PageConstructionProperties.Security security = this.properties.security();
			List<String> defaults = new ArrayList<>();
			if (LOCAL_ADMIN.equals(security.adminPassword())) {
				defaults.add("admin");
			}
			if (LOCAL_EDITOR.equals(security.editorPassword())) {
				defaults.add("editor");
			}
			if (LOCAL_SERVICE.equals(security.servicePassword())) {
				defaults.add("marquee-service");
			}
			return defaults;
		}

		@EventListener(ApplicationReadyEvent.class)
		void print() {
			PageConstructionProperties.Security security = this.properties.security();
			String port = this.environment.getProperty("local.server.port", "8080");
			StringBuilder text = new StringBuilder("Page construction ready on port ").append(port)
				.append(". Credentials (HTTP Basic):");
			line(text, "admin", "ADMIN, EDITOR", security.adminPassword(), LOCAL_ADMIN, "MARQUEE_ADMIN_PASSWORD");
			line(text, "editor", "EDITOR", security.editorPassword(), LOCAL_EDITOR, "MARQUEE_EDITOR_PASSWORD");
			line(text, "marquee-service", "SERVICE", security.servicePassword(), LOCAL_SERVICE,
					"MARQUEE_SERVICE_PASSWORD");
			logger.info(text.toString());
		}

		private static void line(StringBuilder text, String user, String roles, String password, String localDefault,
				String env) {
			text.append("\n  ").append(user).append(" (").append(roles).append("): ");
			if (localDefault.equals(password)) {
				text.append("password '").append(password).append("' [LOCAL DEFAULT - set ").append(env)
					.append(" in production]");
			}
			else {
				text.append("password from ").append(env).append(" (not printed)");
			}
		}

	}

}
