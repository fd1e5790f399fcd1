package dev.marquee.page.hollow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.UnaryOperator;

import com.netflix.hollow.api.consumer.HollowConsumer;

import dev.marquee.model.json.MarqueeJson;

/**
 * Asks the hollow-producer for {@code GET /v1/announcements/latest}, used when a preview
 * must catch up now.
 */
final class HttpAnnouncements implements Announcements {

	private final URI latest;

	private final String authorization;

	private final HttpClient client;

	HttpAnnouncements(String baseUrl, String user, String password, UnaryOperator<HttpClient> clientDecorator) {
		this.client = clientDecorator.apply(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.latest = URI.create(base + "/v1/announcements/latest");
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public long latest() {
		HttpRequest request = HttpRequest.newBuilder(this.latest)
			.timeout(Duration.ofSeconds(2))
			.header("Authorization", this.authorization)
			.header("Accept", "application/json")
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE;
			}
			return MarqueeJson.mapper()
				.readTree(response.body())
				.path("version")
				.asLong(HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE);
		}
		catch (IOException ex) {
			return HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE;
		}
	}

}
