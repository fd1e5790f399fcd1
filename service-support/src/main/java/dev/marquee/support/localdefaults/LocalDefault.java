package dev.marquee.support.localdefaults;

import java.util.List;

/**
 * A credential or secret still at the local default every checkout shares.
 *
 * @param variable the environment variable that overrides it
 * @param what what it is, for a reader of the log
 * @param value the local default itself, printed so a local user can use it
 */
public record LocalDefault(String variable, String what, String value) {

	/**
	 * Adds a setting to a list when it is at its local default.
	 * @param defaults the list
	 * @param variable the environment variable that overrides it
	 * @param what what it is
	 * @param value its value
	 * @param localDefault its local default
	 */
	public static void add(List<LocalDefault> defaults, String variable, String what, String value,
			String localDefault) {
		if (value.equals(localDefault)) {
			defaults.add(new LocalDefault(variable, what, value));
		}
	}

}
