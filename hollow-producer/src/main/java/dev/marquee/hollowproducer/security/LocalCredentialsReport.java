package dev.marquee.hollowproducer.security;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import dev.marquee.hollowproducer.HollowProducerProperties;
import dev.marquee.hollowproducer.HollowProducerProperties.Security;

/**
 * Logs every password still at its local default, clearly labelled, and refuses to start with any of them in
 * the {@code prod} profile.
 */
@Component
class LocalCredentialsReport implements InitializingBean {

	private static final Log logger = LogFactory.getLog(LocalCredentialsReport.class);

	private final Security security;

	private final Environment environment;

	LocalCredentialsReport(HollowProducerProperties properties, Environment environment) {
		this.security = properties.security();
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> defaults = new ArrayList<>();
		check(defaults, "admin", this.security.adminPassword(), Security.LOCAL_ADMIN_PASSWORD, "MARQUEE_ADMIN_PASSWORD");
		check(defaults, "editor", this.security.editorPassword(), Security.LOCAL_EDITOR_PASSWORD,
				"MARQUEE_EDITOR_PASSWORD");
		check(defaults, "marquee-service", this.security.servicePassword(), Security.LOCAL_SERVICE_PASSWORD,
				"MARQUEE_SERVICE_PASSWORD");
		if (defaults.isEmpty()) {
			return;
		}
		if (this.environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("Profile prod refuses local default credentials; set " + defaults);
		}
		logger.warn("LOCAL DEFAULT credentials in use (set " + defaults + " in production)");
	}

	private static void check(List<String> defaults, String user, String password, String localDefault, String env) {
		if (password.equals(localDefault)) {
			logger.warn("LOCAL DEFAULT credentials: user '" + user + "' password '" + localDefault
					+ "' (override with " + env + ")");
			defaults.add(env);
		}
	}

}
