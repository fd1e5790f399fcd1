package dev.marquee.ingestion;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.ingestion.HostileWebhookCorpusIntegrationTests.Hostile;
import dev.marquee.model.PageChanged;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content integrity against a real Kafka broker and Cassandra node: one page per slug and
 * stage, one source per document, versions per stage, removals that stay removed,
 * plausible versions and delivery ids bound to their body.
 */
class ContentIntegrityIntegrationTests extends IngestionIntegrationTestSupport {

	// ---- slugs
	// -------------------------------------------------------------------------------------------

	@Test
	void aSlugHeldByAnotherPageIsRefusedNamingTheOwnerAndNothingIsPublished() {
		String owner = unique("owner");
		String intruder = unique("intruder");
		String slug = unique("slug");
		assertThat(publish(owner, slug, "publish", 1).statusCode()).isEqualTo(200);

		HttpResponse<String> publish = publish(intruder, slug, "publish", 1);
		HttpResponse<String> draft = publish(intruder, slug, "draft", 2);

		for (HttpResponse<String> refused : List.of(publish, draft)) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = MarqueeJson.mapper().readTree(refused.body());
			assertThat(problem.get("type").asString()).isEqualTo("https://marquee.dev/problems/slug-taken");
			assertThat(problem.get("owner").asString()).isEqualTo(owner);
			assertThat(problem.get("slug").asString()).isEqualTo(slug);
		}
		assertThat(hollow.changesOf(intruder)).isEmpty();
		// The intruder holds nothing: under a free slug it publishes at once.
		assertThat(publish(intruder, unique("free"), "publish", 3).statusCode()).isEqualTo(200);
	}

	@Test
	void aRenameReleasesTheOldSlugOnlyOnceTheNewOneIsPublished() {
		String first = unique("first");
		String second = unique("second");
		String old = unique("old");
		String renamed = unique("new");
		assertThat(publish(first, old, "publish", 1).statusCode()).isEqualTo(200);
		assertThat(publish(second, renamed, "publish", 1).statusCode()).isEqualTo(200);
		assertThat(publish(first, renamed, "publish", 2).statusCode()).as("the new slug is held").isEqualTo(409);
		assertThat(publish(second, old, "publish", 2).statusCode()).as("the old slug is still held").isEqualTo(409);

		String third = unique("third");
		String moved = unique("moved");
		HttpResponse<String> rename = publish(first, moved, "publish", 3);
		HttpResponse<String> takeOver = publish(third, old, "publish", 1);

		assertThat(rename.statusCode()).as(rename.body()).isEqualTo(200);
		assertThat(takeOver.statusCode()).as(takeOver.body()).isEqualTo(200);
		PageChanged renamedAway = last(first, Stage.PUBLISHED);
		assertThat(renamedAway.slug()).isEqualTo(moved);
		assertThat(renamedAway.previousSlug()).isEqualTo(old);
		// The new owner's content version is above the rename's, so on every read path
		// its slug row wins
		// whichever of the two changes (on different Kafka partitions) is applied last.
		assertThat(last(third, Stage.PUBLISHED).contentVersion()).isGreaterThan(renamedAway.contentVersion());
		assertThat(last(third, Stage.PREVIEW).contentVersion())
			.isGreaterThan(last(first, Stage.PREVIEW).contentVersion());
		assertThat(publish(first, old, "publish", 4).statusCode()).as("the old slug is the third page's")
			.isEqualTo(409);
	}

	@Test
	void anUnpublishReleasesThePublishedSlugAndADeleteReleasesBoth() {
		String page = unique("leaving");
		String next = unique("next");
		String slug = unique("slug");
		assertThat(publish(page, slug, "publish", 1).statusCode()).isEqualTo(200);
		assertThat(deliveries().post(Deliveries.removal("page", page, "unpublish", 2)).statusCode()).isEqualTo(200);

		assertThat(publish(next, slug, "publish", 1).statusCode()).as("PREVIEW still holds it").isEqualTo(409);
		assertThat(deliveries().post(Deliveries.removal("page", page, "delete", 3)).statusCode()).isEqualTo(200);
		HttpResponse<String> takeOver = publish(next, slug, "publish", 1);

		assertThat(takeOver.statusCode()).as(takeOver.body()).isEqualTo(200);
		assertThat(last(next, Stage.PUBLISHED).contentVersion())
			.isGreaterThan(last(page, Stage.PUBLISHED).contentVersion());
	}

	@Test
	void aRefusedPublishKeepsNoClaimOnItsSlug() {
		String refused = unique("invalid");
		String slug = unique("slug");
		ObjectNode invalid = (ObjectNode) MarqueeJson.mapper().readTree(body(refused, slug, "publish", 1));
		((ObjectNode) invalid.get("fields")).put("title", "<script>alert(1)</script>");
		assertThat(deliveries().post(invalid.toString()).statusCode()).isEqualTo(422);

		HttpResponse<String> other = publish(unique("valid"), slug, "publish", 1);

		assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
		assertThat(hollow.changesOf(refused)).isEmpty();
	}

	@Test
	void concurrentClaimsOfOneSlugHaveExactlyOneWinner() throws Exception {
		String slug = unique("contested");
		List<String> pages = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			pages.add(unique("racer"));
		}
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(pages.size());
		try {
			for (String page : pages) {
				answers.add(CompletableFuture.supplyAsync(() -> publish(page, slug, "publish", 1), pool));
			}
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			pool.shutdownNow();
		}
		List<String> winners = new ArrayList<>();
		List<String> owners = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			HttpResponse<String> answer = answers.get(i).get();
			if (answer.statusCode() == 200) {
				winners.add(pages.get(i));
			}
			else {
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
				owners.add(MarqueeJson.mapper().readTree(answer.body()).get("owner").asString());
			}
		}
		assertThat(winners).hasSize(1);
		assertThat(owners).hasSize(pages.size() - 1).containsOnly(winners.get(0));
		assertThat(pages).filteredOn((page) -> !page.equals(winners.get(0)))
			.allSatisfy((loser) -> assertThat(hollow.changesOf(loser)).isEmpty());
	}

	// ---- sources
	// -------------------------------------------------------------------------------------------

	@Test
	void aDocumentBelongsToTheSourceThatCreatedIt() {
		String page = unique("native");
		assertThat(publish(page, page, "publish", 1).statusCode()).isEqualTo(200);
		int before = hollow.changesOf(page).size();

		ObjectNode strapi = HostileWebhookCorpusIntegrationTests.envelope("strapi", page,
				HostileWebhookCorpusIntegrationTests.page(page).put("slug", page));
		((ObjectNode) strapi.get("entry")).put("updatedAt", "2030-01-01T00:00:00Z");
		HttpResponse<String> hijack = deliveries().send(Hostile.signed("strapi", strapi).build(deliveries()));

		assertThat(hijack.statusCode()).as(hijack.body()).isEqualTo(409);
		JsonNode problem = MarqueeJson.mapper().readTree(hijack.body());
		assertThat(problem.get("type").asString())
			.isEqualTo("https://marquee.dev/problems/document-owned-by-other-source");
		assertThat(problem.get("owner").asString()).isEqualTo("marquee");
		assertThat(hollow.changesOf(page)).hasSize(before);
		assertThat(publish(page, page, "publish", 2).statusCode()).as("the owner is not locked out").isEqualTo(200);
	}

	// ---- versions per stage and removals
	// -----------------------------------------------------------------

	@Test
	void aPublishDeliveredAfterANewerDraftStillUpdatesPublished() {
		String page = unique("reordered");
		assertThat(publish(page, page, "draft", 3).statusCode()).isEqualTo(200);

		HttpResponse<String> publish = publish(page, page, "publish", 2);

		assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
		JsonNode body = MarqueeJson.mapper().readTree(publish.body());
		assertThat(body.get("ignored").asBoolean()).isFalse();
		assertThat(body.get("pages")).hasSize(1);
		assertThat(body.get("pages").get(0).get("stage").asString()).isEqualTo("PUBLISHED");
		assertThat(last(page, Stage.PUBLISHED).page().sourceVersion()).isEqualTo(2);
		assertThat(last(page, Stage.PREVIEW).page().sourceVersion()).isEqualTo(3);
		assertThat(publish(page, page, "publish", 1).statusCode()).isEqualTo(200);
		assertThat(last(page, Stage.PUBLISHED).page().sourceVersion()).as("older than PUBLISHED").isEqualTo(2);
	}

	@Test
	void aRetriedNativePublishUnderANewDeliveryIdDoesNotResurrectARemovedPage() {
		String page = unique("removed");
		assertThat(publish(page, page, "publish", 5).statusCode()).isEqualTo(200);
		assertThat(deliveries().post(Deliveries.removal("page", page, "delete", 5)).statusCode()).isEqualTo(200);
		int before = hollow.changesOf(page).size();

		HttpResponse<String> retried = publish(page, page, "publish", 5);

		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(MarqueeJson.mapper().readTree(retried.body()).get("ignored").asBoolean()).isTrue();
		assertThat(hollow.changesOf(page)).hasSize(before);
		assertThat(publish(page, page, "publish", 6).statusCode()).isEqualTo(200);
		assertThat(last(page, Stage.PUBLISHED).kind()).as("a newer version brings it back")
			.isEqualTo(ChangeKind.UPSERTED);
	}

	@Test
	void aRetriedContentfulPublishAfterAVersionlessTombstoneDoesNotResurrect() {
		String page = unique("cf");
		ObjectNode entry = HostileWebhookCorpusIntegrationTests.envelope("contentful", page,
				HostileWebhookCorpusIntegrationTests.page(page).put("slug", page));
		((ObjectNode) entry.get("sys")).put("version", 7);
		assertThat(deliveries().send(Hostile.signed("contentful", entry).build(deliveries())).statusCode())
			.isEqualTo(200);
		String tombstone = """
				{"sys":{"id":"%s","type":"DeletedEntry","contentType":{"sys":{"id":"page"}}}}""".formatted(page);
		HttpResponse<String> unpublish = deliveries().send(Hostile.signed("contentful", Deliveries.utf8(tombstone))
			.header("X-Contentful-Topic", "ContentManagement.Entry.unpublish")
			.build(deliveries()));
		assertThat(unpublish.statusCode()).as(unpublish.body()).isEqualTo(200);

		HttpResponse<String> retried = deliveries().send(Hostile.signed("contentful", entry).build(deliveries()));

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		assertThat(last(page, Stage.PUBLISHED).kind()).isEqualTo(ChangeKind.DELETED);
	}

	@Test
	void aRetriedSanityUpdateAfterADeleteDoesNotResurrect() {
		String page = unique("sanity");
		ObjectNode document = HostileWebhookCorpusIntegrationTests.envelope("sanity", page,
				HostileWebhookCorpusIntegrationTests.page(page).put("slug", page));
		assertThat(deliveries().send(Hostile.signed("sanity", document).build(deliveries())).statusCode())
			.isEqualTo(200);
		ObjectNode deleted = MarqueeJson.mapper().createObjectNode().put("_id", page).put("_type", "page");
		assertThat(deliveries()
			.send(Hostile.signed("sanity", deleted).header("sanity-operation", "delete").build(deliveries()))
			.statusCode()).isEqualTo(200);
		int before = hollow.changesOf(page).size();

		HttpResponse<String> retried = deliveries().send(Hostile.signed("sanity", document).build(deliveries()));

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		assertThat(MarqueeJson.mapper().readTree(retried.body()).get("ignored").asBoolean()).isTrue();
		assertThat(hollow.changesOf(page)).hasSize(before);
	}

	@Test
	void implausibleVersionsAreRefusedWithAFieldLevelProblem() {
		String page = unique("frozen");
		for (long version : new long[] { Long.MAX_VALUE, 9_007_199_254_740_992L, 1_767_225_600_000_000_000L }) {
			HttpResponse<String> refused = publish(page, page, "publish", version);

			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
			JsonNode problem = MarqueeJson.mapper().readTree(refused.body());
			assertThat(problem.get("type").asString()).isEqualTo("https://marquee.dev/problems/invalid-document");
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
		}
		assertThat(hollow.changesOf(page)).isEmpty();
		assertThat(publish(page, page, "publish", 9_007_199_254_740_991L).statusCode()).isEqualTo(200);
	}

	// ---- deliveries
	// -------------------------------------------------------------------------------------

	@Test
	void aDeliveryIdReusedForAnotherBodyIsRefusedAndARetryOfTheSameBodyIsADuplicate() {
		String page = unique("delivery");
		String deliveryId = unique("delivery-id");
		String body = body(page, page, "publish", 1);
		assertThat(deliveries().post(body, deliveryId).statusCode()).isEqualTo(200);

		HttpResponse<String> retry = deliveries().post(body, deliveryId);
		HttpResponse<String> reused = deliveries().post(body(page, page, "publish", 2), deliveryId);

		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(MarqueeJson.mapper().readTree(retry.body()).get("duplicate").asBoolean()).isTrue();
		assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
		assertThat(MarqueeJson.mapper().readTree(reused.body()).get("type").asString())
			.isEqualTo("https://marquee.dev/problems/delivery-id-reused");
		assertThat(last(page, Stage.PUBLISHED).page().sourceVersion()).isEqualTo(1);
	}

	// ---- helpers
	// -------------------------------------------------------------------------------------------

	/** A native delivery of an article (no catalog needed) under a slug. */
	static String body(String page, String slug, String action, long version) {
		ObjectNode json = HostileWebhookCorpusIntegrationTests.envelope("marquee", page,
				HostileWebhookCorpusIntegrationTests.page(page).put("slug", slug));
		return json.put("action", action).put("version", version).toString();
	}

	private HttpResponse<String> publish(String page, String slug, String action, long version) {
		return deliveries().post(body(page, slug, action, version));
	}

	private static PageChanged last(String page, Stage stage) {
		List<PageChanged> changes = hollow.changesOf(page).stream().filter((c) -> c.stage() == stage).toList();
		assertThat(changes).as("changes of %s %s", page, stage).isNotEmpty();
		return changes.get(changes.size() - 1);
	}

}
