package dev.marquee.page.pages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Stage;
import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PageBodiesIntegrationTests extends IntegrationTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void aClientAcceptingGzipGetsTheSameJsonCompressed() throws Exception {
		long version = nextVersion();
		publishHollow(page("gz-1", "gz-page", Stage.PUBLISHED, version, "Compressed"));
		HttpResponse<String> plain = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/gz-page?readPath=HOLLOW", null), (r) -> r.statusCode() == 200);

		HttpResponse<byte[]> gzip = raw("/pages/gz-page?readPath=HOLLOW", "Accept-Encoding", "br, gzip");

		assertThat(gzip.statusCode()).isEqualTo(200);
		assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gzip.headers().firstValue("Vary"))
			.hasValueSatisfying((vary) -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
		assertThat(gzip.headers().firstValue("ETag")).contains("\"" + version + "-gzip\"");
		assertThat(plain.headers().firstValue("ETag")).contains("\"" + version + "\"");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(plain.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(gzip.body().length).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);
		assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
		assertThat(heading(plain)).isEqualTo("Compressed");
		assertThat(json(plain).path("contentVersion").asLong()).isEqualTo(version);
	}

	@Test
	void eitherEntityTagAnswersNotModified() throws Exception {
		long version = nextVersion();
		publishHollow(page("gz-2", "gz-cached", Stage.PUBLISHED, version, "Cached"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/gz-cached?readPath=HOLLOW", null).statusCode() == 200);

		HttpResponse<byte[]> identityTag = raw("/pages/gz-cached?readPath=HOLLOW", "If-None-Match",
				"\"" + version + "\"", "Accept-Encoding", "gzip");
		HttpResponse<byte[]> gzipTag = raw("/pages/gz-cached?readPath=HOLLOW", "If-None-Match",
				"\"" + version + "-gzip\"");
		HttpResponse<byte[]> olderTag = raw("/pages/gz-cached?readPath=HOLLOW", "If-None-Match",
				"\"" + (version - 1) + "-gzip\"");

		assertThat(identityTag.statusCode()).isEqualTo(304);
		assertThat(identityTag.body()).isEmpty();
		assertThat(gzipTag.statusCode()).isEqualTo(304);
		assertThat(olderTag.statusCode()).isEqualTo(200);
		assertThat(olderTag.headers().firstValue(MarqueeHeaders.CONTENT_VERSION)).contains(Long.toString(version));
	}

	@Test
	void aNewVersionIsServedAtOnceThoughTheOldBodyIsCached() {
		long first = nextVersion();
		publishHollow(page("gz-3", "gz-edited", Stage.PUBLISHED, first, "First"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> heading(get("/pages/gz-edited?readPath=HOLLOW", null)).equals("First"));
		long second = nextVersion();
		publishHollow(page("gz-3", "gz-edited", Stage.PUBLISHED, second, "Second"));

		HttpResponse<String> edited = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/pages/gz-edited?readPath=HOLLOW", null), (r) -> heading(r).equals("Second"));

		assertThat(json(edited).path("contentVersion").asLong()).isEqualTo(second);
	}

	private HttpResponse<byte[]> raw(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] compressed) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
