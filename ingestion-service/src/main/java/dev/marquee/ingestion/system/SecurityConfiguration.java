package dev.marquee.ingestion.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import dev.marquee.ingestion.IngestionProperties;

/**
 * HTTP Basic users per CONVENTIONS.md. Webhooks are open to everyone at this layer because each one
 * authenticates by its source's signature (or token), checked over the raw bytes in its controller; admin
 * endpoints and every actuator endpoint but health, info and prometheus need role ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/webhooks/**", "/error")
				.permitAll()
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// Metrics name every endpoint, page and dependency: operators only, as in the other services.
				.requestMatchers("/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> write(response, json,
					HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "HTTP Basic credentials required")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((request, response, ex) -> write(response, json, HttpStatus.UNAUTHORIZED,
						"unauthorized", "Unauthorized", "HTTP Basic credentials required"))
				.accessDeniedHandler((request, response, ex) -> write(response, json, HttpStatus.FORBIDDEN,
						"forbidden", "Forbidden", "This endpoint needs role ADMIN")))
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Basic auth checks the password on every stateless request, and these hashes exist only in memory (made at
		// startup from configuration): cost 4 keeps a check near 1 ms where the default cost 10 took ~100 ms of CPU
		// and made authenticated previews CPU-bound under load.
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	UserDetailsService users(IngestionProperties properties, PasswordEncoder encoder) {
		IngestionProperties.Security security = properties.security();
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

	private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String slug,
			String title, String detail) throws IOException {
		ProblemDetail problem = new ProblemException(status, slug, title, detail).toProblemDetail();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"marquee\"");
		}
		json.writeValue(response.getOutputStream(), problem);
	}

}
