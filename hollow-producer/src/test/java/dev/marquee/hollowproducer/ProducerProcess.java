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

import com.netflix.hollow.api.consumer.HollowConsumer;
import org.jspecify.annotations.Nullable;

import dev.marquee.model.hollow.remote.HollowProducerEndpoint;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.model.writelog.WriteLogBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hollow-producer started as a child JVM from the test classpath, as it runs in
 * production: its own process, its own heap, killed for real.
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
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				HollowProducerApplication.class.getName(), "--server.port=" + this.port, "--server.address=127.0.0.1",
				"--marquee.hollow.blob-dir=" + this.blobDir, "--marquee.hollow.log.dir=" + logDir(),
				"--spring.main.banner-mode=off"));
		command.addAll(this.extraArgs);
		// lets a measurement run try other settings:
		// -Dhollow-producer.args="--marquee.hollow.integrity-check=false"
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
				throw new IllegalStateException(
						"producer exited with " + this.process.exitValue() + ", see " + this.log);
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

	/**
	 * The write log's directory, next to the blob directory.
	 * @return the directory
	 */
	Path logDir() {
		return this.blobDir.resolveSibling(this.blobDir.getFileName() + "-log");
	}

	/**
	 * The highest write-log offset a consumer's current state contains.
	 * @param consumer the consumer
	 * @return the offset of its state's header tag, 0 without one
	 */
	static long stateOffset(HollowConsumer consumer) {
		String tag = consumer.getStateEngine().getHeaderTag(WriteLog.STATE_OFFSET_TAG);
		return (tag != null) ? Long.parseLong(tag) : WriteLog.NO_OFFSET;
	}

	/**
	 * {@code GET /v1/log} as the service user.
	 * @param after the offset
	 * @param timeoutMs the long-poll timeout
	 * @return the status and, for a 200, the batch
	 */
	LogAnswer readLog(long after, long timeoutMs) {
		String credentials = HollowProducerEndpoint.SERVICE_USER + ":" + HollowProducerEndpoint.LOCAL_SERVICE_PASSWORD;
		HttpRequest request = HttpRequest
			.newBuilder(uri().resolve(WriteLog.PATH + "?after=" + after + "&timeoutMs=" + timeoutMs))
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(90))
			.build();
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofByteArray());
			String raw = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
			WriteLogBatch batch = (response.statusCode() == 200)
					? MarqueeJson.mapper().readValue(response.body(), WriteLogBatch.class) : null;
			return new LogAnswer(response.statusCode(), batch, raw,
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer of {@code GET /v1/log}.
	 *
	 * @param status the HTTP status
	 * @param batch the batch of a 200
	 * @param raw the body as text
	 * @param contentType the content type
	 */
	record LogAnswer(int status, @Nullable WriteLogBatch batch, String raw, String contentType) {

		WriteLogBatch body() {
			assertThat(this.status).as(this.raw).isEqualTo(200);
			return java.util.Objects.requireNonNull(this.batch);
		}

	}

	Process process() {
		return this.process;
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	HollowProducerEndpoint endpoint() {
		return new HollowProducerEndpoint(uri(), HollowProducerEndpoint.SERVICE_USER,
				HollowProducerEndpoint.LOCAL_SERVICE_PASSWORD, Duration.ofSeconds(10), Duration.ofSeconds(60));
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * SIGKILL: no shutdown hook runs, nothing is flushed that was not already durable.
	 */
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
