package dev.marquee.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Turns page-construction's HOLLOW overlay of the hollow-producer's write log on or off
 * at runtime (as {@code admin}), so one platform can be measured both as RAW Hollow's
 * design (overlay on) and as plain open-source Hollow (states only).
 */
public final class OverlaySwitch {

	/** The admin endpoint of page-construction. */
	public static final String PATH = "/admin/hollow/overlay";

	private final HttpClient http;

	private final URI uri;

	private final String authorization;

	public OverlaySwitch(HttpClient http, Endpoints endpoints) {
		this.http = http;
		this.uri = Endpoints.resolve(endpoints.pages(), PATH);
		this.authorization = endpoints.adminAuthorization();
	}

	/**
	 * Switches the overlay.
	 * @param enabled on or off
	 * @throws IOException when page-construction does not accept it
	 * @throws InterruptedException when interrupted
	 */
	public void set(boolean enabled) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("PUT " + this.uri + " answered " + response.statusCode() + ": " + response.body());
		}
	}

}
