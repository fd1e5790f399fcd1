package dev.marquee.consumer.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import dev.marquee.consumer.DataConsumerProperties;

/**
 * Says loudly which credentials are still local defaults, and refuses to run the {@code prod} profile with any.
 */
@Component
class LocalDefaults {

	private static final Logger logger = LoggerFactory.getLogger(LocalDefaults.class);

	private final DataConsumerProperties properties;

	private final Environment environment;

	LocalDefaults(DataConsumerProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@EventListener(ApplicationStartedEvent.class)
	void report() {
		DataConsumerProperties.Security security = this.properties.security();
		List<String> defaults = new ArrayList<>();
		check(defaults, "admin", security.adminPassword(), "marquee-admin-local", "MARQUEE_ADMIN_PASSWORD");
		check(defaults, "editor", security.editorPassword(), "marquee-editor-local", "MARQUEE_EDITOR_PASSWORD");
		check(defaults, "marquee-service", security.servicePassword(), "marquee-service-local",
				"MARQUEE_SERVICE_PASSWORD");
		if (defaults.isEmpty()) {
			logger.info("Credentials: all set from the environment");
			return;
		}
		if (this.environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("Profile prod refuses local default credentials: " + defaults);
		}
		logger.warn("LOCAL DEFAULT credentials in use (HTTP Basic; override from the environment):");
		defaults.forEach((line) -> logger.warn("  {}", line));
	}

	private static void check(List<String> defaults, String user, String actual, String localDefault, String env) {
		if (actual.equals(localDefault)) {
			defaults.add("user '" + user + "' password '" + localDefault + "' (local default; set " + env + ")");
		}
	}

}
