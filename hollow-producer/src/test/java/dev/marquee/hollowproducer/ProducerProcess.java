package dev.marquee.hollowproducer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.marquee.model.hollow.remote.HollowProducerEndpoint;

import static org.awaitility.Awaitility.await;

/**
 * A hollow-producer started as a child JVM from the test classpath, as it runs in production: its own
 * process, its own heap, killed for real.
 */
final class ProducerProcess {

	private final Path blobDir;

	private final Path log;

	private final int port;

	private final List<String> extraArgs;

	private Process process;

	ProducerProcess(Path blobDir, Path log, int port, String... extraArgs) {
		this.blobDir = blobDir;
		this.log = log;
		this.port = port;
		this.extraArgs = List.of(extraArgs);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the process without waiting for it.
	 * @return this
	 */
	ProducerProcess launch() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
				System.getProperty("java.class.path"), HollowProducerApplication.class.getName(),
				"--server.port=" + this.port, "--server.address=127.0.0.1",
				"--marquee.hollow.blob-dir=" + this.blobDir, "--spring.main.banner-mode=off"));
		command.addAll(this.extraArgs);
		// lets a measurement run try other settings: -Dhollow-producer.args="--marquee.hollow.integrity-check=false"
		String more = System.getProperty("hollow-producer.args", "").trim();
		if (!more.isEmpty()) {
			command.addAll(List.of(more.split("\\s+")));
		}
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Starts the process and waits until it is healthy.
	 * @return this
	 */
	ProducerProcess start() {
		launch();
		HttpClient client = HttpClient.newHttpClient();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("producer exited with " + this.process.exitValue() + ", see " + this.log);
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(uri().resolve("/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				return response.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return this;
	}

	Process process() {
		return this.process;
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	HollowProducerEndpoint endpoint() {
		return new HollowProducerEndpoint(uri(), HollowProducerEndpoint.SERVICE_USER,
				HollowProducerEndpoint.LOCAL_SERVICE_PASSWORD, Duration.ofSeconds(1), Duration.ofSeconds(60));
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed that was not already durable. */
	void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			waitForExit();
		}
	}

	/** SIGTERM: a graceful shutdown. */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			waitForExit();
		}
	}

	private void waitForExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
