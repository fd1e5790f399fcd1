package dev.marquee.ingestion.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.IngestionProperties;

/**
 * Prints, at startup, every credential and secret still at its local default, so nobody runs them in
 * production by accident; the {@code prod} profile refuses to start with any of them.
 */
@Component
class LocalDefaultsReport {

	private static final Logger logger = LoggerFactory.getLogger(LocalDefaultsReport.class);

	private final IngestionProperties properties;

	private final Environment environment;

	LocalDefaultsReport(IngestionProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@EventListener(ApplicationStartedEvent.class)
	void report() {
		List<String> defaults = localDefaults();
		if (defaults.isEmpty()) {
			logger.info("Credentials and webhook secrets come from the environment (no local defaults in use)");
			return;
		}
		if (this.environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("Profile prod refuses local default credentials; set from the environment: "
					+ String.join(", ", defaults.stream().map((line) -> line.substring(0, line.indexOf(' '))).toList()));
		}
		StringBuilder report = new StringBuilder("LOCAL DEFAULT credentials in use (override from the environment):");
		defaults.forEach((line) -> report.append(System.lineSeparator()).append("    ").append(line));
		logger.warn(report.toString());
	}

	private List<String> localDefaults() {
		IngestionProperties.Security security = this.properties.security();
		IngestionProperties.Webhooks webhooks = this.properties.webhooks();
		List<String> defaults = new ArrayList<>();
		add(defaults, "MARQUEE_ADMIN_PASSWORD", "user admin / password", security.adminPassword(),
				IngestionProperties.LOCAL_ADMIN_PASSWORD);
		add(defaults, "MARQUEE_EDITOR_PASSWORD", "user editor / password", security.editorPassword(),
				IngestionProperties.LOCAL_EDITOR_PASSWORD);
		add(defaults, "MARQUEE_SERVICE_PASSWORD", "user marquee-service / password", security.servicePassword(),
				IngestionProperties.LOCAL_SERVICE_PASSWORD);
		add(defaults, "MARQUEE_WEBHOOK_SECRET_MARQUEE", "native webhook secret", webhooks.secretMarquee(),
				IngestionProperties.LOCAL_MARQUEE_SECRET);
		add(defaults, "MARQUEE_WEBHOOK_SECRET_CONTENTFUL", "Contentful signing secret", webhooks.secretContentful(),
				IngestionProperties.LOCAL_CONTENTFUL_SECRET);
		add(defaults, "MARQUEE_WEBHOOK_SECRET_SANITY", "Sanity webhook secret", webhooks.secretSanity(),
				IngestionProperties.LOCAL_SANITY_SECRET);
		add(defaults, "MARQUEE_WEBHOOK_TOKEN_STRAPI", "Strapi bearer token", webhooks.tokenStrapi(),
				IngestionProperties.LOCAL_STRAPI_TOKEN);
		return defaults;
	}

	private static void add(List<String> defaults, String env, String what, String value, String localDefault) {
		if (value.equals(localDefault)) {
			defaults.add(env + " (" + what + ") = " + value + "   [local default]");
		}
	}

}
