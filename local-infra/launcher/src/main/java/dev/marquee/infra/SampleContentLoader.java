package dev.marquee.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.marquee.model.webhook.NativeWebhook;

/**
 * Posts the shipped sample content ({@code sample/*.json}, in file-name order) through
 * the real, signed {@code POST /webhooks/marquee} endpoint, the way a CMS would (signed
 * with {@link NativeWebhook}). A file holds one delivery, or a JSON array of deliveries
 * posted one by one.
 */
final class SampleContentLoader {

	static final String DEFAULT_SECRET = "local-marquee-webhook-secret";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final String secret;

	SampleContentLoader(URI endpoint, String secret) {
		this.endpoint = endpoint;
		this.secret = secret;
	}

	/**
	 * Posts every delivery of every file.
	 * @param folder the sample folder
	 * @param out where progress goes
	 * @return how many deliveries were accepted
	 */
	int load(Path folder, PrintStream out) throws IOException, InterruptedException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((p) -> p.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		int accepted = 0;
		for (Path file : files) {
			List<String> deliveries = deliveries(Files.readString(file, StandardCharsets.UTF_8));
			for (String delivery : deliveries) {
				post(delivery, file);
				accepted++;
			}
			out.println("  " + file.getFileName() + ": " + deliveries.size() + " deliveries accepted");
		}
		return accepted;
	}

	private void post(String body, Path file) throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String deliveryId = "sample-" + UUID.nameUUIDFromBytes(bytes);
		for (int attempt = 1;; attempt++) {
			long timestamp = System.currentTimeMillis();
			HttpRequest request = HttpRequest.newBuilder(this.endpoint)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header(NativeWebhook.DELIVERY_ID, deliveryId)
				.header(NativeWebhook.SIGNATURE, sign(deliveryId, timestamp, bytes))
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return;
			}
			// 503 means a write path is not ready yet: the same delivery id makes the
			// retry harmless.
			if (response.statusCode() != 503 || attempt >= 30) {
				throw new IllegalStateException("sample delivery from " + file.getFileName() + " was refused: HTTP "
						+ response.statusCode() + " " + response.body());
			}
			Thread.sleep(1000);
		}
	}

	String sign(String deliveryId, long timestamp, byte[] body) {
		return NativeWebhook.sign(this.secret, deliveryId, timestamp, body);
	}

	/**
	 * Splits a file into deliveries: the file itself, or each element of a top-level JSON
	 * array, found by tracking nesting outside of strings (the launcher has no JSON
	 * library on purpose).
	 */
	static List<String> deliveries(String json) {
		String trimmed = json.strip();
		if (!trimmed.startsWith("[")) {
			return List.of(trimmed);
		}
		List<String> elements = new ArrayList<>();
		int depth = 0;
		int start = -1;
		boolean inString = false;
		for (int i = 1; i < trimmed.length() - 1; i++) {
			char c = trimmed.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			switch (c) {
				case '"' -> inString = true;
				case '{', '[' -> {
					if (depth++ == 0) {
						start = i;
					}
				}
				case '}', ']' -> {
					if (--depth == 0) {
						elements.add(trimmed.substring(start, i + 1));
					}
				}
				default -> {
				}
			}
		}
		return elements;
	}

}
