package dev.marquee.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Readiness probes: a port that accepts connections, a line a server logs once it is
 * ready, a health endpoint.
 */
public final class Readiness {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Readiness() {
	}

	public static boolean portOpen(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether a log file, from a byte offset on, contains a marker line. The offset is
	 * the file's length when the process was started, so a marker from an earlier run
	 * does not count.
	 * @param log the log file
	 * @param fromOffset where this run's output begins
	 * @param marker the text to find
	 * @return true once the marker was logged
	 */
	public static boolean logContains(Path log, long fromOffset, String marker) {
		if (!Files.isRegularFile(log)) {
			return false;
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long start = (file.length() >= fromOffset) ? fromOffset : 0;
			file.seek(start);
			byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, file.length() - start)];
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).contains(marker);
		}
		catch (IOException ex) {
			return false;
		}
	}

	public static long sizeOf(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * The status a Spring Boot Actuator health endpoint reports.
	 * @param url the health URL
	 * @return {@code UP}, {@code DOWN}, ... or {@code UNREACHABLE}
	 */
	public static String health(String url) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			int index = body.indexOf("\"status\"");
			if (index < 0) {
				return "HTTP " + response.statusCode();
			}
			int open = body.indexOf('"', body.indexOf(':', index) + 1);
			int close = body.indexOf('"', open + 1);
			return body.substring(open + 1, close);
		}
		catch (IOException | RuntimeException ex) {
			return "UNREACHABLE";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "UNREACHABLE";
		}
	}

	/**
	 * Polls a condition until it holds, the process it depends on dies, or time runs out.
	 * @param what what is awaited, for the error message
	 * @param timeout how long to wait
	 * @param process the process that must stay alive meanwhile, or null
	 * @param condition the condition
	 * @param logHint the log to read on failure
	 */
	public static void await(String what, Duration timeout, ManagedProcess process, BooleanSupplier condition,
			Path logHint) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(what + " failed: the process exited; see " + logHint);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						what + " not ready after " + timeout.toSeconds() + " s; see " + logHint);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + what, ex);
			}
		}
	}

	/**
	 * A free TCP port on the loopback interface.
	 * @return the port
	 */
	public static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
