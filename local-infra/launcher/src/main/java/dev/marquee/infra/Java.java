package dev.marquee.infra;

import java.nio.file.Path;

/**
 * The Java runtime children are started with: the one running the launcher.
 */
final class Java {

	private Java() {
	}

	static String executable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
