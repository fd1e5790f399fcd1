package dev.marquee.consumer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static dev.marquee.consumer.TestChanges.BASE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slug that changes hands between pages. Ingestion lets page B claim a slug only after
 * page A's rename away from it (or removal) was accepted, and B's content version is
 * drawn after its claim, so B's version is the greater. The two changes are keyed by
 * different pages, so they may sit on different partitions and be applied in either
 * order: A's removal of its old slug row must never hide or delete B's.
 */
class SlugTakeoverIntegrationTests extends IntegrationTestSupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void theNewOwnersRowSurvivesTheOldOwnersRenameAppliedAfterIt() {
		long v1 = BASE_VERSION + 5_000;
		publish(TestChanges.upsert("st-a", "st-shared", v1, 1));
		await().atMost(TIMEOUT).until(() -> pageBySlug("st-shared") != null);

		// B's claim (newer) is applied before A's rename away (older).
		publish(TestChanges.upsert("st-b", "st-shared", v1 + 200, 1));
		publish(TestChanges.renamed("st-a", "st-a-moved", "st-shared", v1 + 100, 1));
		await().atMost(TIMEOUT).until(() -> pageBySlug("st-a-moved") != null);

		assertThat(pageBySlug("st-shared").getString("page_id")).isEqualTo("st-b");
		assertThat(pageByStage("st-shared").getString("page_id")).isEqualTo("st-b");
		assertThat(pageBySlug("st-a-moved").getString("page_id")).isEqualTo("st-a");
	}

	@Test
	void theNewOwnersRowSurvivesTheOldOwnersRemovalAppliedAfterIt() {
		long v1 = BASE_VERSION + 6_000;
		publish(TestChanges.upsert("st-c", "st-freed", v1, 1));
		await().atMost(TIMEOUT).until(() -> pageBySlug("st-freed") != null);

		publish(TestChanges.upsert("st-d", "st-freed", v1 + 200, 1));
		publish(TestChanges.deleted("st-c", "st-freed", v1 + 100));
		publish(TestChanges.upsert("st-marker", "st-marker-slug", v1, 1));
		await().atMost(TIMEOUT)
			.until(() -> pageBySlug("st-marker-slug") != null
					&& "st-d".equals(pageBySlug("st-freed").getString("page_id")));

		assertThat(pageBySlug("st-freed").getString("page_id")).isEqualTo("st-d");
		assertThat(pageByStage("st-freed").getString("page_id")).isEqualTo("st-d");
	}

}
