package dev.marquee.hollowproducer.security;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: {@code marquee-service} (SERVICE) writes, follows the log and reads
 * blobs; {@code admin} (ADMIN) reads the actuator; health (status only, details for
 * ADMIN), Prometheus metrics, API docs and Swagger UI are open. Users, statelessness and
 * the problem+json 401/403 are service-support's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
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

}
