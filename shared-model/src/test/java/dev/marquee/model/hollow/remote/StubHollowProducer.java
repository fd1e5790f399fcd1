package dev.marquee.model.hollow.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.netflix.hollow.api.producer.HollowProducer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK {@link HttpServer} that serves the blobs of a Hollow filesystem publisher the way
 * the hollow-producer does, and announces versions handed to it (it is also the
 * producer's announcer).
 */
final class StubHollowProducer implements HollowProducer.Announcer, AutoCloseable {

	private final Path blobDir;

	private final Object monitor = new Object();

	private long announced = -1;

	private HttpServer server;

	private ExecutorService executor;

	private int port;

	StubHollowProducer(Path blobDir) {
		this.blobDir = blobDir;
	}

	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		this.port = this.server.getAddress().getPort();
		this.executor = Executors.newFixedThreadPool(4);
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/", this::handle);
		this.server.start();
	}

	void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	@Override
	public void announce(long version) {
		synchronized (this.monitor) {
			this.announced = version;
			this.monitor.notifyAll();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String expected = HollowProducerEndpoint.SERVICE_USER + ":" + HollowProducerEndpoint.LOCAL_SERVICE_PASSWORD;
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			if (auth == null || !auth.equals("Basic "
					+ java.util.Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8)))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String path = exchange.getRequestURI().getPath();
			Map<String, Long> query = query(exchange.getRequestURI().getRawQuery());
			switch (path) {
				case "/v1/announcements/latest" -> json(exchange, currentVersion());
				case "/v1/announcements/await" -> json(exchange, await(query.get("after"), query.get("timeoutMs")));
				case "/v1/blobs/snapshot" -> blob(exchange, snapshotAtOrBefore(query.get("version")));
				case "/v1/blobs/delta" -> blob(exchange, find("delta-" + query.get("from") + "-"));
				case "/v1/blobs/reverse-delta" -> blob(exchange, find("reversedelta-" + query.get("from") + "-"));
				default -> exchange.sendResponseHeaders(404, -1);
			}
		}
	}

	private long currentVersion() {
		synchronized (this.monitor) {
			return this.announced;
		}
	}

	private long await(long after, long timeoutMs) {
		long deadline = System.currentTimeMillis() + timeoutMs;
		synchronized (this.monitor) {
			while (this.announced == after) {
				long left = deadline - System.currentTimeMillis();
				if (left <= 0) {
					break;
				}
				try {
					this.monitor.wait(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			return this.announced;
		}
	}

	private Optional<Path> snapshotAtOrBefore(long version) throws IOException {
		try (Stream<Path> files = Files.list(this.blobDir)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("snapshot-"))
				.filter((file) -> versions(file)[1] <= version)
				.max((a, b) -> Long.compare(versions(a)[1], versions(b)[1]));
		}
	}

	private Optional<Path> find(String prefix) throws IOException {
		try (Stream<Path> files = Files.list(this.blobDir)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(prefix)).findFirst();
		}
	}

	private static long[] versions(Path file) {
		String[] parts = file.getFileName().toString().split("-");
		long to = Long.parseLong(parts[parts.length - 1]);
		long from = (parts.length == 3) ? Long.parseLong(parts[1]) : to;
		return new long[] { from, to };
	}

	private static void blob(HttpExchange exchange, Optional<Path> file) throws IOException {
		if (file.isEmpty()) {
			exchange.sendResponseHeaders(404, -1);
			return;
		}
		long[] versions = versions(file.get());
		byte[] bytes = Files.readAllBytes(file.get());
		exchange.getResponseHeaders().add(HttpBlobRetriever.VERSION_FROM_HEADER, Long.toString(versions[0]));
		exchange.getResponseHeaders().add(HttpBlobRetriever.VERSION_TO_HEADER, Long.toString(versions[1]));
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream body = exchange.getResponseBody()) {
			body.write(bytes);
		}
	}

	private static void json(HttpExchange exchange, long version) throws IOException {
		byte[] bytes = ("{\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream body = exchange.getResponseBody()) {
			body.write(bytes);
		}
	}

	private static Map<String, Long> query(String raw) {
		Map<String, Long> values = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				values.put(kv[0], Long.parseLong(kv[1]));
			}
		}
		return values;
	}

}
