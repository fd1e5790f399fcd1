package dev.marquee.ingestion.publish;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.IngestionProperties.WritePath;

/**
 * The hollow producer, one of the two write paths a webhook waits for: UP when its
 * readiness group answers UP, DOWN (so ingestion is not ready) otherwise. With the HOLLOW
 * path off it is UP and says so.
 */
@Component("hollowProducer")
class HollowProducerHealthIndicator extends AbstractHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final boolean enabled;

	private final String url;

	private final RestClient client;

	HollowProducerHealthIndicator(IngestionProperties properties, RestClient.Builder restClients) {
		super("Hollow producer health check failed");
		this.enabled = properties.writePaths().isEnabled(WritePath.HOLLOW);
		this.url = properties.writePaths().hollow().url().toString();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
		requestFactory.setReadTimeout(TIMEOUT);
		this.client = restClients.clone().baseUrl(this.url).requestFactory(requestFactory).build();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("url", this.url);
		if (!this.enabled) {
			builder.up().withDetail("writePath", "off");
			return;
		}
		JsonNode health = this.client.get()
			.uri("/actuator/health/readiness")
			.retrieve()
			.onStatus((status) -> status.value() == 503, (request, response) -> {
				// A 503 carries the DOWN status in its body: read it below instead of
				// failing.
			})
			.body(JsonNode.class);
		String status = (health != null) ? health.path("status").asString("UNKNOWN") : "UNKNOWN";
		builder.status(status);
	}

}
