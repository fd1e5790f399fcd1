package dev.marquee.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath of a server, as recorded at build time by the {@code kafka-runtime} and
 * {@code cassandra-runtime} modules ({@code META-INF/marquee/<server>-server.classpath}).
 * The server jars stay in the local Maven repository and are never on this JVM's
 * classpath.
 */
final class ServerClasspath {

	private ServerClasspath() {
	}

	static List<Path> of(String server) {
		String resource = "META-INF/marquee/" + server + "-server.classpath";
		try (InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath: build the " + server
						+ "-runtime module first (./mvnw -pl local-infra/" + server + "-runtime install)");
			}
			String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
			List<Path> entries = new ArrayList<>();
			for (String entry : recorded.split(java.io.File.pathSeparator)) {
				Path path = Path.of(entry);
				if (!Files.exists(path)) {
					throw new IllegalStateException("the " + server + " server classpath names " + path
							+ ", which is missing from the local Maven repository: rebuild local-infra/" + server
							+ "-runtime");
				}
				entries.add(path);
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The jar or directory this launcher's own classes come from, for {@link OrphanGuard}
	 * on a child.
	 */
	static Path launcherLocation() {
		try {
			return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String join(List<Path> entries) {
		return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
	}

	static List<Path> concat(List<Path> first, List<Path> second) {
		List<Path> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	static List<String> jvmOptions(String resource) {
		try (InputStream in = ServerClasspath.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " missing");
			}
			return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.map(String::strip)
				.filter((line) -> line.startsWith("-"))
				// "--add-exports a/b=c" is one option in a file but must be one argument
				// on a command line.
				.map((line) -> line.replaceFirst("^(--[a-z-]+) +", "$1="))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
