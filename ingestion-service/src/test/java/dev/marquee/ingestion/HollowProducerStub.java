package dev.marquee.ingestion;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.PageChanged;
import dev.marquee.model.json.MarqueeJson;

/**
 * A stand-in for the hollow producer's {@code POST /v1/writes} contract, our own
 * collaborator in these tests: it records every change, answers with the log offset of
 * the last change, one offset per change, checks the service credentials, and can be
 * switched to answer 503 as a producer that cannot publish.
 */
final class HollowProducerStub implements AutoCloseable {

	private final HttpServer server;

	private final List<PageChanged> changes = new CopyOnWriteArrayList<>();

	private final AtomicLong offset = new AtomicLong(1000);

	private final AtomicBoolean available = new AtomicBoolean(true);

	private final List<String> traceparents = new CopyOnWriteArrayList<>();

	HollowProducerStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/v1/writes", this::write);
		// What ingestion's hollowProducer health indicator asks; DOWN while the stub
		// plays unavailable.
		this.server.createContext("/actuator/health/readiness",
				(exchange) -> respond(exchange, this.available.get() ? 200 : 503,
						this.available.get() ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}"));
		this.server.setExecutor(Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "hollow-producer-stub");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void available(boolean available) {
		this.available.set(available);
	}

	List<PageChanged> changes() {
		return List.copyOf(this.changes);
	}

	List<PageChanged> changesOf(String pageId) {
		return this.changes.stream().filter((change) -> change.pageId().equals(pageId)).toList();
	}

	/**
	 * @return the {@code traceparent} header of every write received, in order
	 */
	List<String> traceparents() {
		return List.copyOf(this.traceparents);
	}

	long lastOffset() {
		return this.offset.get();
	}

	private void write(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String expected = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("marquee-service:marquee-service-local".getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(authorization)) {
			respond(exchange, 401, "{}");
			return;
		}
		if (!this.available.get()) {
			respond(exchange, 503, "{\"title\":\"cannot publish\"}");
			return;
		}
		HollowWriteRequest request = MarqueeJson.mapper().readValue(body, HollowWriteRequest.class);
		String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
		this.traceparents.add((traceparent != null) ? traceparent : "");
		this.changes.addAll(request.changes());
		long appended = this.offset.addAndGet(request.changes().size());
		respond(exchange, 200,
				MarqueeJson.mapper().writeValueAsString(new HollowWriteResult(appended, request.changes().size(), 0)));
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
