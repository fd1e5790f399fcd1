package dev.marquee.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.ReadPath;

/**
 * Reads pages from page-construction: {@code GET /pages/{slug}?readPath=} (public) and
 * {@code GET /preview/pages/{slug}?readPath=} with a consistency token (as
 * {@code editor}).
 */
public final class PageClient {

	private final HttpClient http;

	private final Endpoints endpoints;

	public PageClient(HttpClient http, Endpoints endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param contentVersion the {@code Marquee-Content-Version} header, -1 when absent
	 * @param readPath the {@code Marquee-Read-Path} header, null when absent
	 * @param body the body
	 */
	public record Answer(int status, long contentVersion, @Nullable String readPath, String body) {

		public boolean ok() {
			return this.status == 200;
		}

	}

	/**
	 * A published page, with the body discarded (what the page and propagation scenarios
	 * need).
	 * @param slug the page
	 * @param path the read path to use
	 * @return the answer, body empty
	 */
	public Answer published(String slug, ReadPath path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(publishedRequest(slug, path),
				HttpResponse.BodyHandlers.ofByteArray());
		return answer(response, "");
	}

	/**
	 * The same, asynchronously.
	 * @param slug the page
	 * @param path the read path
	 * @return the answer, body empty
	 */
	public CompletableFuture<Answer> publishedAsync(String slug, ReadPath path) {
		return publishedAsync(slug, path, null);
	}

	/**
	 * The same, conditional: with the version last seen, an unchanged page is answered
	 * 304 without a body, so polling does not load the platform with page serialization
	 * it is meant to measure.
	 * @param slug the page
	 * @param path the read path
	 * @param seenVersion the content version last seen, null for an unconditional read
	 * @return the answer, body empty; status 304 (with the current version) when still at
	 * {@code seenVersion}
	 */
	public CompletableFuture<Answer> publishedAsync(String slug, ReadPath path, @Nullable Long seenVersion) {
		HttpRequest request = publishedRequest(slug, path);
		if (seenVersion != null) {
			request = HttpRequest.newBuilder(request, (name, value) -> true)
				.header("If-None-Match", "\"" + seenVersion + "\"")
				.build();
		}
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
			.thenApply((response) -> answer(response, ""));
	}

	/**
	 * A preview, waiting for the token.
	 * @param slug the page
	 * @param path the read path
	 * @param token the consistency token from ingestion, null for none
	 * @return the answer with its body
	 */
	public Answer preview(String slug, ReadPath path, @Nullable String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(
					Endpoints.resolve(this.endpoints.pages(), "/preview/pages/" + encode(slug) + "?readPath=" + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.endpoints.editorAuthorization())
			.GET();
		if (token != null) {
			request.header(MarqueeHeaders.CONSISTENCY_TOKEN, token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return answer(response, response.body());
	}

	private HttpRequest publishedRequest(String slug, ReadPath path) {
		URI uri = Endpoints.resolve(this.endpoints.pages(), "/pages/" + encode(slug) + "?readPath=" + path);
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
	}

	private static Answer answer(HttpResponse<?> response, String body) {
		long version = response.headers().firstValue(MarqueeHeaders.CONTENT_VERSION).map(Long::parseLong).orElse(-1L);
		return new Answer(response.statusCode(), version,
				response.headers().firstValue(MarqueeHeaders.READ_PATH).orElse(null), body);
	}

	static String encode(String segment) {
		// Slugs may contain "/", which page-construction takes as part of the slug; an
		// encoded %2F is refused.
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
	}

}
