package dev.marquee.support.localdefaults;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Prints, once every bean exists and before the server takes a request, every credential
 * and secret still at its local default, so nobody runs them in production by accident;
 * the {@code prod} profile refuses to start with any.
 */
public final class LocalDefaultsReport implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(LocalDefaultsReport.class);

	private final List<LocalDefaults> sources;

	private final Environment environment;

	/**
	 * A report over the given sources.
	 * @param sources every concern's local defaults
	 * @param environment for the active profiles
	 */
	public LocalDefaultsReport(List<LocalDefaults> sources, Environment environment) {
		this.sources = List.copyOf(sources);
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		report();
	}

	/**
	 * Logs the local defaults in use.
	 * @return them
	 * @throws IllegalStateException with the {@code prod} profile active and any local
	 * default in use
	 */
	public List<LocalDefault> report() {
		List<LocalDefault> defaults = this.sources.stream()
			.flatMap((source) -> source.localDefaults().stream())
			.toList();
		if (defaults.isEmpty()) {
			logger.info("Credentials and secrets come from the environment (no local defaults in use)");
			return defaults;
		}
		if (this.environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("Profile prod refuses local default credentials and secrets; set from the "
					+ "environment: " + String.join(", ", defaults.stream().map(LocalDefault::variable).toList()));
		}
		StringBuilder report = new StringBuilder(
				"LOCAL DEFAULT credentials and secrets in use (override from the environment):");
		defaults.forEach((local) -> report.append(System.lineSeparator())
			.append("    ")
			.append(local.variable())
			.append(" (")
			.append(local.what())
			.append(") = ")
			.append(local.value())
			.append("   [local default]"));
		logger.warn(report.toString());
		return defaults;
	}

}
