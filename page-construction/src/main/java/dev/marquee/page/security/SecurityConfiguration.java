package dev.marquee.page.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: {@code GET /pages/**} (and {@code HEAD /pages/**}), {@code /api/**},
 * {@code /}, static assets, OpenAPI and health are public; {@code /preview/**} needs
 * EDITOR; {@code /admin/**} and the other actuator endpoints need ADMIN. Users,
 * statelessness and the problem+json 401/403 are service-support's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/pages", "/pages/**", "/api/**", "/", "/index.html", "/favicon.ico",
					"/static/**", "/css/**", "/js/**", "/assets/**", "/images/**", "/webjars/**")
			.permitAll()
			// HEAD of a public page is its GET without the body (RFC 9110 9.3.2),
			// answered
			// by pages.PublicPageFilter before this chain; on this chain it was a 401.
			.requestMatchers(HttpMethod.HEAD, "/pages/**")
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
			.authenticated());
		return http.build();
	}

}
