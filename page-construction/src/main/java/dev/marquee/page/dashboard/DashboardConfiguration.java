package dev.marquee.page.dashboard;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.marquee.page.readpath.ReadPathSwitch;
import dev.marquee.page.source.PageSources;
import dev.marquee.support.localdefaults.LocalDefault;
import dev.marquee.support.localdefaults.LocalDefaults;
import dev.marquee.support.observability.HttpClientObservation;

/**
 * The dashboard's beans and its own security rule: {@code POST /api/demo-edit} needs
 * EDITOR, {@code GET /api/dashboard/session} any user, {@code GET /api/dashboard} is
 * public. It is a separate filter chain, ordered before the service's catch-all one and
 * matching only these paths, so the dashboard needs no change to the service's security.
 * Its 401 and 403 are service-support's: a script asking with
 * {@code X-Requested-With: XMLHttpRequest} gets its 401 without a
 * {@code WWW-Authenticate} challenge, so the browser shows the dashboard's login form
 * instead of its own password dialog.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain dashboardSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/demo-edit", "/api/dashboard", "/api/dashboard/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/demo-edit")
				.hasRole("EDITOR")
				.requestMatchers(HttpMethod.GET, "/api/dashboard")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/dashboard/session")
				.authenticated()
				.anyRequest()
				.denyAll());
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
	LocalDefaults demoSecret(DemoProperties properties, Environment environment) {
		return () -> {
			List<LocalDefault> defaults = new ArrayList<>();
			LocalDefault.add(defaults, "MARQUEE_WEBHOOK_SECRET_MARQUEE",
					"webhook secret of dashboard demo edits, or marquee.demo.webhook-secret",
					secret(properties, environment), DemoEdits.LOCAL_WEBHOOK_SECRET);
			return defaults;
		};
	}

	/**
	 * The secret demo edits are signed with: {@code marquee.demo.webhook-secret}, else
	 * ingestion's own variable {@code MARQUEE_WEBHOOK_SECRET_MARQUEE}, else the local
	 * default both services share.
	 */
	static String secret(DemoProperties properties, Environment environment) {
		String configured = properties.webhookSecret();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return environment.getProperty("MARQUEE_WEBHOOK_SECRET_MARQUEE", DemoEdits.LOCAL_WEBHOOK_SECRET);
	}

}
