package dev.marquee.ingestion;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.marquee.model.json.MarqueeJson;
import dev.marquee.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real broker or Cassandra node going down: the webhook answers 503 with
 * {@code Retry-After} within the configured bounds, never a 2xx, and the CMS's retry of
 * the same delivery succeeds once it is back.
 */
class DependencyOutageIntegrationTests extends IngestionIntegrationTestSupport {

	@Test
	void answers503QuicklyWhileKafkaIsDownAndTheRetrySucceedsWhenItIsBack() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		String body = Deliveries.homePage(page, "publish", 1, ids[0], ids[1]);
		String deliveryId = UUID.randomUUID().toString();
		HttpResponse<String> refused;
		long elapsedMillis;
		RealInfrastructure.stopKafka();
		try {
			long start = System.nanoTime();
			refused = deliveries.post(body, deliveryId);
			elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		}
		finally {
			RealInfrastructure.startKafka();
		}

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(MarqueeJson.mapper().readTree(refused.body()).get("type").asString())
			.isEqualTo("https://marquee.dev/problems/kafka-unavailable");
		assertThat(elapsedMillis).as("bounded by delivery.timeout.ms, well inside a CMS's 10-30 s timeout")
			.isLessThan(15_000);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(deliveries.post(body, deliveryId).statusCode()).isEqualTo(200));
		assertThat(awaitKafka(page, (changes) -> changes.size() >= 2)).isNotEmpty();
	}

	@Test
	void answers503WhileCassandraIsDownAndTheRetrySucceedsWhenItIsBack() {
		Deliveries deliveries = deliveries();
		String asset = unique("asset");
		String deliveryId = UUID.randomUUID().toString();
		HttpResponse<String> refused;
		RealInfrastructure.stopCassandra();
		try {
			refused = deliveries.post(Deliveries.asset(asset, 1), deliveryId);
		}
		finally {
			RealInfrastructure.startCassandra();
		}

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(MarqueeJson.mapper().readTree(refused.body()).get("type").asString())
			.isEqualTo("https://marquee.dev/problems/store-unavailable");
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(deliveries.post(Deliveries.asset(asset, 1), deliveryId).statusCode())
				.isEqualTo(200));
	}

}
