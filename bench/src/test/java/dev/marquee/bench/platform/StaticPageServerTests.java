package dev.marquee.bench.platform;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticPageServerTests {

	@Test
	void servesTheExactBytesOfEachPageOnLoopback() throws Exception {
		byte[] story = "{\"slug\":\"articles/story-01\",\"elements\":[]}".getBytes(StandardCharsets.UTF_8);
		byte[] home = "{\"slug\":\"home\"}".getBytes(StandardCharsets.UTF_8);
		HttpClient http = HttpClient.newHttpClient();
		try (StaticPageServer server = StaticPageServer.start(Map.of("articles/story-01", story, "home", home))) {
			assertThat(server.uri("home").getHost()).isEqualTo("127.0.0.1");

			HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(server.uri("articles/story-01")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> second = http.send(HttpRequest.newBuilder(server.uri("home")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(server.uri("nowhere")).build(),
					HttpResponse.BodyHandlers.ofByteArray());

			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(first.body()).isEqualTo(story);
			assertThat(second.body()).isEqualTo(home);
			assertThat(missing.statusCode()).isEqualTo(404);
		}
	}

}
