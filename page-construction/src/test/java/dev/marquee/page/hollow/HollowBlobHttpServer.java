package dev.marquee.page.hollow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the hollow-producer's blob and announcement API (CONVENTIONS.md),
 * serving a filesystem blob store written by a real {@code HollowProducer}: enough to
 * test the consumer over HTTP in this module. Given a {@link TestWriteLog} it also serves
 * {@code GET /v1/log}; without one the log answers 404.
 */
final class HollowBlobHttpServer {

	private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
		.encodeToString("marquee-service:marquee-service-local".getBytes(StandardCharsets.UTF_8));

	private final Path dir;

	private final @Nullable TestWriteLog log;

	private final AtomicLong latestCalls = new AtomicLong();

	private int port;

	private HttpServer server;

	HollowBlobHttpServer(Path dir) {
		this(dir, null);
	}

	HollowBlobHttpServer(Path dir, @Nullable TestWriteLog log) {
		this.dir = dir;
		this.log = log;
	}

	/**
	 * @return how many {@code GET /v1/announcements/latest} calls were answered
	 */
	long latestCalls() {
		return this.latestCalls.get();
	}

	synchronized void start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/v1/", this::handle);
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	synchronized void stop() {
		this.server.stop(0);
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			URI uri = exchange.getRequestURI();
			Map<String, Long> query = query(uri);
			switch (uri.getPath()) {
				case "/v1/announcements/latest" -> {
					this.latestCalls.incrementAndGet();
					json(exchange, announced());
				}
				case "/v1/log" -> {
					if (this.log == null) {
						exchange.sendResponseHeaders(404, -1);
					}
					else {
						this.log.serve(exchange, query.get("after"), query.get("timeoutMs"));
					}
				}
				case "/v1/announcements/await" -> {
					long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(query.get("timeoutMs"));
					long version = announced();
					while (version == query.get("after") && System.nanoTime() < deadline) {
						java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
						version = announced();
					}
					json(exchange, version);
				}
				case "/v1/blobs/snapshot" -> blob(exchange, snapshot(query.get("version")));
				case "/v1/blobs/header" -> blob(exchange, find("header-" + query.get("version")));
				case "/v1/blobs/delta" -> blob(exchange, find("delta-" + query.get("from") + "-"));
				case "/v1/blobs/reverse-delta" -> blob(exchange, find("reversedelta-" + query.get("from") + "-"));
				default -> exchange.sendResponseHeaders(404, -1);
			}
		}
	}

	private long announced() throws IOException {
		try {
			return Long.parseLong(Files.readString(this.dir.resolve("announced.version")).strip());
		}
		catch (NoSuchFileException ex) {
			return Long.MIN_VALUE;
		}
	}

	private Optional<Path> snapshot(long version) throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("snapshot-"))
				.filter((file) -> versions(file)[0] <= version)
				.max((a, b) -> Long.compare(versions(a)[0], versions(b)[0]));
		}
	}

	private Optional<Path> find(String prefix) throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter((file) -> file.getFileName().toString().startsWith(prefix)).findFirst();
		}
	}

	private static long[] versions(Path file) {
		String[] parts = file.getFileName().toString().split("-");
		long from = Long.parseLong(parts[1]);
		return new long[] { from, (parts.length > 2) ? Long.parseLong(parts[2]) : from };
	}

	private static void blob(HttpExchange exchange, Optional<Path> file) throws IOException {
		if (file.isEmpty()) {
			exchange.sendResponseHeaders(404, -1);
			return;
		}
		long[] versions = versions(file.get());
		exchange.getResponseHeaders().add("Hollow-Version-From", Long.toString(versions[0]));
		exchange.getResponseHeaders().add("Hollow-Version-To", Long.toString(versions[1]));
		byte[] body = Files.readAllBytes(file.get());
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void json(HttpExchange exchange, long version) throws IOException {
		byte[] body = ((version == Long.MIN_VALUE) ? "{}" : "{\"version\":" + version + "}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, Long> query(URI uri) {
		Map<String, Long> query = new HashMap<>();
		if (uri.getQuery() != null) {
			for (String pair : uri.getQuery().split("&")) {
				String[] kv = pair.split("=", 2);
				query.put(kv[0], Long.parseLong(kv[1]));
			}
		}
		return query;
	}

}
