package dev.marquee.ingestion.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.support.localdefaults.LocalDefault;
import dev.marquee.support.localdefaults.LocalDefaults;

/**
 * Who may call what. Webhooks are open to everyone at this layer because each one
 * authenticates by its source's signature (or token), checked over the raw bytes in its
 * controller; admin endpoints and every actuator endpoint but health, info and prometheus
 * need role ADMIN. Users, statelessness and the problem+json 401/403 are
 * service-support's; the webhook secrets are this service's own local defaults.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/webhooks/**", "/error")
				.permitAll()
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// Metrics name every endpoint, page and dependency: operators only, as in
				// the other services.
				.requestMatchers("/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	LocalDefaults webhookSecrets(IngestionProperties properties) {
		return () -> webhookSecrets(properties.webhooks());
	}

	static List<LocalDefault> webhookSecrets(IngestionProperties.Webhooks webhooks) {
		List<LocalDefault> defaults = new ArrayList<>();
		LocalDefault.add(defaults, "MARQUEE_WEBHOOK_SECRET_MARQUEE", "native webhook secret", webhooks.secretMarquee(),
				IngestionProperties.LOCAL_MARQUEE_SECRET);
		LocalDefault.add(defaults, "MARQUEE_WEBHOOK_SECRET_CONTENTFUL", "Contentful signing secret",
				webhooks.secretContentful(), IngestionProperties.LOCAL_CONTENTFUL_SECRET);
		LocalDefault.add(defaults, "MARQUEE_WEBHOOK_SECRET_SANITY", "Sanity webhook secret", webhooks.secretSanity(),
				IngestionProperties.LOCAL_SANITY_SECRET);
		LocalDefault.add(defaults, "MARQUEE_WEBHOOK_TOKEN_STRAPI", "Strapi bearer token", webhooks.tokenStrapi(),
				IngestionProperties.LOCAL_STRAPI_TOKEN);
		return defaults;
	}

}
