package dev.marquee.consumer.system;

import java.net.URI;

import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.marquee.consumer.DataConsumerProperties;

/**
 * HTTP Basic for the admin API (role ADMIN); health, metrics and the API docs are open. Stateless, so no CSRF
 * token is involved: browsers never hold a session for this API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/error")
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"marquee\"");
				writeProblem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
						"Send HTTP Basic credentials.");
			}))
			.exceptionHandling((handling) -> handling.accessDeniedHandler((request, response,
					ex) -> writeProblem(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
							"This endpoint needs role ADMIN.")))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous(Customizer.withDefaults());
		return http.build();
	}

	private static void writeProblem(HttpServletResponse response, HttpStatus status, String slug, String title,
			String detail) throws java.io.IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://marquee.dev/problems/" + slug));
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonMapper.shared().writeValue(response.getOutputStream(), problem);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Basic auth checks the password on every stateless request, and these hashes exist only in memory (made at
		// startup from configuration): cost 4 keeps a check near 1 ms where the default cost 10 took ~100 ms of CPU
		// and made authenticated previews CPU-bound under load.
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	UserDetailsService users(DataConsumerProperties properties, PasswordEncoder encoder) {
		DataConsumerProperties.Security security = properties.security();
		return new InMemoryUserDetailsManager(
				User.withUsername("admin").password(encoder.encode(security.adminPassword())).roles("ADMIN", "EDITOR")
					.build(),
				User.withUsername("editor").password(encoder.encode(security.editorPassword())).roles("EDITOR").build(),
				User.withUsername("marquee-service").password(encoder.encode(security.servicePassword()))
					.roles("SERVICE")
					.build());
	}

}
