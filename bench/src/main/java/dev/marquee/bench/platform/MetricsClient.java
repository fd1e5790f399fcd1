package dev.marquee.bench.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Scrapes a service's {@code /actuator/prometheus} (as {@code admin}, which every service
 * accepts).
 */
public final class MetricsClient {

	private final HttpClient http;

	private final String authorization;

	public MetricsClient(HttpClient http, String authorization) {
		this.http = http;
		this.authorization = authorization;
	}

	/**
	 * Scrapes a service.
	 * @param service its base URL
	 * @return the metrics, {@link Metrics#EMPTY} when it did not answer (the tables then
	 * say n/a)
	 */
	public Metrics scrape(URI service) {
		try {
			HttpRequest request = HttpRequest.newBuilder(Endpoints.resolve(service, "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", this.authorization)
				.GET()
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Metrics.parse(response.body()) : Metrics.EMPTY;
		}
		catch (java.io.IOException ex) {
			return Metrics.EMPTY;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Metrics.EMPTY;
		}
	}

}
