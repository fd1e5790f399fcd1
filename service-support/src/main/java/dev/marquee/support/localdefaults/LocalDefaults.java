package dev.marquee.support.localdefaults;

import java.util.List;

/**
 * A bean naming the settings of one concern that are still local defaults;
 * {@link LocalDefaultsReport} prints them all at startup, and refuses the {@code prod}
 * profile with any.
 */
@FunctionalInterface
public interface LocalDefaults {

	/**
	 * The settings still at their local default.
	 * @return them, empty when everything comes from the environment
	 */
	List<LocalDefault> localDefaults();

}
