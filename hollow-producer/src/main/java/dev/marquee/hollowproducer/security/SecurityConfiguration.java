package dev.marquee.hollowproducer.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

import dev.marquee.hollowproducer.HollowProducerProperties;

/**
 * HTTP Basic, stateless: {@code marquee-service} (SERVICE) writes, follows the log and reads blobs; {@code admin} (ADMIN)
 * reads the actuator; health (status only, details for ADMIN), Prometheus metrics, API docs and Swagger UI are
 * open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> problem(response,
					HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required (HTTP Basic)")))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response,
					ex) -> problem(response, HttpStatus.FORBIDDEN, "forbidden", "This user may not do that")))
			.authorizeHttpRequests((requests) -> requests
				// the request that started an async long-poll or write was authorized already
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/v1/writes")
				.hasRole("SERVICE")
				.requestMatchers(HttpMethod.GET, "/v1/log")
				.hasRole("SERVICE")
				.requestMatchers("/v1/blobs/**", "/v1/announcements/**")
				.hasRole("SERVICE")
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/error")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	UserDetailsService users(HollowProducerProperties properties, PasswordEncoder encoder) {
		HollowProducerProperties.Security security = properties.security();
		return new InMemoryUserDetailsManager(
				User.withUsername("admin").password(encoder.encode(security.adminPassword())).roles("ADMIN", "EDITOR").build(),
				User.withUsername("editor").password(encoder.encode(security.editorPassword())).roles("EDITOR").build(),
				User.withUsername("marquee-service")
					.password(encoder.encode(security.servicePassword()))
					.roles("SERVICE")
					.build());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// every stateless request checks its password again: cost 4 keeps that near 1 ms instead of ~100 ms
		// (long-polls and blob downloads are frequent); the passwords themselves are only held in memory
		return new BCryptPasswordEncoder(4);
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String slug, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"marquee\"");
		}
		String body = "{\"type\":\"https://marquee.dev/problems/" + slug + "\",\"title\":\"" + status.getReasonPhrase()
				+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

}
