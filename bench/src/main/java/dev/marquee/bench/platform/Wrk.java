package dev.marquee.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (Debian's package) when it is installed: a C load generator that needs
 * far less CPU per request than the benchmark's JVM client, so throughput ratios between
 * servers are less bounded by the client.
 */
public final class Wrk {

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private Wrk() {
	}

	/**
	 * @return whether {@code wrk} is on this machine
	 */
	public static boolean installed() {
		return Files.isExecutable(Path.of("/usr/bin/wrk"));
	}

	/**
	 * One closed-loop run, {@code wrk -t1 -cN -dD URI}.
	 * @param uri what to request (GET)
	 * @param connections connections kept busy
	 * @param duration how long
	 * @return requests per second, empty when wrk failed
	 */
	public static OptionalDouble requestsPerSecond(URI uri, int connections, Duration duration) {
		try {
			Process process = new ProcessBuilder("/usr/bin/wrk", "-t1", "-c" + connections,
					"-d" + Math.max(1, duration.toSeconds()) + "s", uri.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				return OptionalDouble.empty();
			}
			Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
			return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
		}
		catch (IOException ex) {
			return OptionalDouble.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalDouble.empty();
		}
	}

}
