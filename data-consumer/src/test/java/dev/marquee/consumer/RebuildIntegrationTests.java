package dev.marquee.consumer;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.PageChanged;
import dev.marquee.model.Topics;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /admin/rebuild} replays the topic into emptied read tables and reproduces
 * them exactly.
 */
class RebuildIntegrationTests extends IntegrationTestSupport {

	private static final String PREFIX = "rebuild-";

	@Test
	void rebuildFromTheTopicReproducesTheSameTables() {
		List<PageChanged> changes = TestChanges.stream(PREFIX, 40, 4);
		List<RecordMetadata> written = publishAll(Topics.PAGE_CHANGES, changes);
		await().atMost(Duration.ofSeconds(120)).until(() -> applied(Topics.PAGE_CHANGES, written));
		List<String> before = ReadTablesDump.of(this.session, PREFIX);
		assertThat(before).isNotEmpty();

		assertThat(http("POST", "/admin/rebuild?truncate=true", "editor:marquee-editor-local").statusCode())
			.isEqualTo(403);
		var started = http("POST", "/admin/rebuild?truncate=true", ADMIN);
		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(started.headers().firstValue("Location")).hasValue("/admin/rebuild/status");
		var second = http("POST", "/admin/rebuild", ADMIN);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("https://marquee.dev/problems/rebuild-running");

		await().atMost(Duration.ofSeconds(180))
			.until(() -> rebuildStatus().at("/state").asString().equals("COMPLETED"));
		JsonNode status = rebuildStatus();
		assertThat(status.at("/truncated").asBoolean()).isTrue();
		assertThat(status.at("/read").asLong()).isEqualTo(status.at("/target").asLong())
			.isGreaterThanOrEqualTo(changes.size());
		assertThat(status.at("/progress").asDouble()).isEqualTo(1.0);

		assertThat(ReadTablesDump.of(this.session, PREFIX)).isEqualTo(before);
	}

	@Test
	void rebuildInPlaceKeepsServingAndChangesNothing() {
		List<PageChanged> changes = TestChanges.stream("inplace-", 20, 3);
		List<RecordMetadata> written = publishAll(Topics.PAGE_CHANGES, changes);
		await().atMost(Duration.ofSeconds(120)).until(() -> applied(Topics.PAGE_CHANGES, written));
		List<String> before = ReadTablesDump.of(this.session, "inplace-");

		await().atMost(Duration.ofSeconds(180)).until(() -> http("POST", "/admin/rebuild", ADMIN).statusCode() == 202);
		// Pages stay readable throughout: nothing is emptied, and the replay's older
		// versions lose.
		await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
			assertThat(pageBySlug("inplace-slug-1-renamed")).isNotNull();
			assertThat(rebuildStatus().at("/state").asString()).isEqualTo("COMPLETED");
		});
		assertThat(rebuildStatus().at("/truncated").asBoolean()).isFalse();
		assertThat(ReadTablesDump.of(this.session, "inplace-")).isEqualTo(before);
	}

	private JsonNode rebuildStatus() {
		return MarqueeJson.mapper().readTree(http("GET", "/admin/rebuild/status", ADMIN).body());
	}

}
