package dev.marquee.ingestion;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The native webhook end to end against a real Kafka broker and a real Cassandra node,
 * with a stand-in of the hollow producer's write API: what a delivery publishes on each
 * path, and every refusal.
 */
class IngestionIntegrationTests extends IngestionIntegrationTestSupport {

	@Test
	void publishesHydratedPageToKafkaAndHollowWithConsistencyToken() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		String deliveryId = UUID.randomUUID().toString();
		HttpResponse<String> response = deliveries.send(deliveries.request("/webhooks/marquee")
			.header("Content-Type", "application/json")
			.header(MarqueeHeaders.WEBHOOK_DELIVERY_ID, deliveryId)
			.header("traceparent", "00-" + traceId(page) + "-00f067aa0ba902b7-01")
			.header(MarqueeHeaders.WEBHOOK_SIGNATURE,
					NativeWebhook.sign(Deliveries.SECRET, deliveryId, System.currentTimeMillis(),
							Deliveries.homePage(page, "publish", 1, ids[0], ids[1]).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(Deliveries.homePage(page, "publish", 1, ids[0], ids[1])))
			.build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = MarqueeJson.mapper().readTree(response.body());
		assertThat(body.get("duplicate").asBoolean()).isFalse();
		assertThat(body.get("pages")).hasSize(2);
		String header = response.headers().firstValue(MarqueeHeaders.CONSISTENCY_TOKEN).orElseThrow();
		assertThat(body.get("consistencyToken").asString()).isEqualTo(header);
		ConsistencyToken token = ConsistencyToken.decode(header);
		assertThat(token.kafkaOffsets()).isNotEmpty();
		assertThat(token.hollowOffset()).isNotNull();
		assertThat(token.pageVersions()).containsKey(page);

		List<PageChanged> onKafka = awaitKafka(page, (changes) -> changes.size() >= 2);
		PageChanged published = onKafka.stream().filter((c) -> c.stage() == Stage.PUBLISHED).findFirst().orElseThrow();
		assertThat(published.traceId()).isEqualTo(traceId(page));
		assertThat(response.headers().firstValue(MarqueeHeaders.TRACE_ID)).contains(traceId(page));
		assertThat(token.pageVersions().get(page))
			.isEqualTo(onKafka.stream().mapToLong(PageChanged::contentVersion).max().orElseThrow());
		Page rendered = published.page();
		assertThat(rendered).isNotNull();
		Element hero = rendered.elements().get(0);
		assertThat(hero.type()).isEqualTo(ElementType.HERO);
		assertThat(hero.text()).containsEntry("heading", "Now: Stranger Days")
			.containsEntry("subheading", "Synopsis of Stranger Days");
		assertThat(hero.images().get(0).url()).isEqualTo("https://cdn.marquee.local/images/img/" + ids[0] + ".jpg");
		assertThat(hero.images().get(0).focalX()).isEqualTo(0.25);
		assertThat(hero.images().get(0).renditions()).extracting("width").containsExactly(320, 640, 1280, 1920);
		Element row = rendered.elements().get(1);
		assertThat(row.titles().get(0).name()).isEqualTo("Stranger Days");
		assertThat(row.titles().get(0).artwork()).isNotNull();

		assertThat(hollow.changesOf(page)).extracting(PageChanged::stage)
			.containsExactlyInAnyOrder(Stage.PUBLISHED, Stage.PREVIEW);
		assertThat(token.hollowOffset()).isLessThanOrEqualTo(hollow.lastOffset());
	}

	// A W3C trace id (32 hex digits) unique to the page.
	private static String traceId(String page) {
		return String.format("%032x", new java.math.BigInteger(1, page.getBytes(StandardCharsets.UTF_8)))
			.substring(0, 32);
	}

	@Test
	void duplicateDeliveryAnswersDuplicateAndPublishesNothingNew() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		String body = Deliveries.homePage(page, "publish", 1, ids[0], ids[1]);
		String deliveryId = UUID.randomUUID().toString();
		assertThat(deliveries.post(body, deliveryId).statusCode()).isEqualTo(200);
		int before = hollow.changesOf(page).size();

		HttpResponse<String> again = deliveries.post(body, deliveryId);

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(MarqueeJson.mapper().readTree(again.body()).get("duplicate").asBoolean()).isTrue();
		assertThat(hollow.changesOf(page)).hasSize(before);
	}

	@Test
	void olderVersionIsIgnoredNeverARegression() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		assertThat(deliveries.post(Deliveries.homePage(page, "publish", 5, ids[0], ids[1])).statusCode())
			.isEqualTo(200);
		int before = hollow.changesOf(page).size();

		HttpResponse<String> older = deliveries.post(Deliveries.homePage(page, "publish", 4, ids[0], ids[1]));

		assertThat(older.statusCode()).isEqualTo(200);
		JsonNode body = MarqueeJson.mapper().readTree(older.body());
		assertThat(body.get("ignored").asBoolean()).isTrue();
		assertThat(body.get("pages")).isEmpty();
		assertThat(hollow.changesOf(page)).hasSize(before);
	}

	@Test
	void draftGoesOnlyToPreviewAndUnpublishRemovesOnlyPublished() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");

		HttpResponse<String> draft = deliveries.post(Deliveries.homePage(page, "draft", 1, ids[0], ids[1]));
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(hollow.changesOf(page)).extracting(PageChanged::stage).containsExactly(Stage.PREVIEW);

		assertThat(deliveries.post(Deliveries.homePage(page, "publish", 2, ids[0], ids[1])).statusCode())
			.isEqualTo(200);
		HttpResponse<String> unpublish = deliveries.post(Deliveries.removal("page", page, "unpublish", 3));

		assertThat(unpublish.statusCode()).isEqualTo(200);
		List<PageChanged> changes = hollow.changesOf(page);
		PageChanged last = changes.get(changes.size() - 1);
		assertThat(last.kind()).isEqualTo(PageChanged.ChangeKind.DELETED);
		assertThat(last.stage()).isEqualTo(Stage.PUBLISHED);
		assertThat(last.slug()).isEqualTo(page);
		assertThat(awaitKafka(page,
				(onKafka) -> onKafka.stream().anyMatch((c) -> c.kind() == PageChanged.ChangeKind.DELETED)))
			.isNotEmpty();
	}

	@Test
	void unresolvedReferencesAreListedAndNothingIsPublished() {
		Deliveries deliveries = deliveries();
		String page = unique("home");

		HttpResponse<String> response = deliveries
			.post(Deliveries.homePage(page, "publish", 1, "no-such-asset", "no-such-title"));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = MarqueeJson.mapper().readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://marquee.dev/problems/unresolved-references");
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).contains("elements[0].assetIds[0]", "elements[0].text.heading", "elements[1].titleIds[0]");
		assertThat(hollow.changesOf(page)).isEmpty();
	}

	@Test
	void templateViolationAnswers422WithOneEntryPerField() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		String body = """
				{"type":"page","id":"%s","action":"publish","version":1,
				 "fields":{"slug":"%s","template":"home","title":"%s",
				  "elements":[
				   {"id":"hero","type":"HERO","text":{},"assetIds":["%s"]},
				   {"id":"quote","type":"QUOTE","text":{"quote":"Not on a home page"}},
				   {"id":"row","type":"TITLE_ROW","text":{"heading":"Row"},"titleIds":[]}
				  ]}}""".formatted(page, page, "x".repeat(81), ids[0]);

		HttpResponse<String> response = deliveries.post(body);

		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = MarqueeJson.mapper().readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://marquee.dev/problems/template-violation");
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("title", "elements[0].text.heading", "elements[1].type",
				"elements[2].titleIds");
		assertThat(hollow.changesOf(page)).isEmpty();
	}

	@Test
	void refusesUnsignedWronglySignedAndExpiredDeliveries() {
		Deliveries deliveries = deliveries();
		byte[] body = Deliveries.asset(unique("asset"), 1).getBytes(StandardCharsets.UTF_8);
		String deliveryId = UUID.randomUUID().toString();
		HttpRequest.Builder base = deliveries.request("/webhooks/marquee")
			.header("Content-Type", "application/json")
			.header(MarqueeHeaders.WEBHOOK_DELIVERY_ID, deliveryId)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));

		HttpResponse<String> unsigned = deliveries.send(base.copy().build());
		HttpResponse<String> wrong = deliveries.send(base.copy()
			.header(MarqueeHeaders.WEBHOOK_SIGNATURE,
					NativeWebhook.sign("not-the-secret", deliveryId, System.currentTimeMillis(), body))
			.build());
		HttpResponse<String> expired = deliveries.send(base.copy()
			.header(MarqueeHeaders.WEBHOOK_SIGNATURE,
					NativeWebhook.sign(Deliveries.SECRET, deliveryId,
							System.currentTimeMillis() - Duration.ofMinutes(6).toMillis(), body))
			.build());

		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(MarqueeJson.mapper().readTree(expired.body()).get("type").asString())
			.isEqualTo("https://marquee.dev/problems/expired-signature");
	}

	@Test
	void refusesMalformedJsonOversizedBodyWrongMediaTypeAndUnknownContentType() {
		Deliveries deliveries = deliveries();

		HttpResponse<String> malformed = deliveries.post("{\"type\": \"asset\", ");
		HttpResponse<String> oversized = deliveries
			.post("{\"type\":\"asset\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
		byte[] form = "type=asset".getBytes(StandardCharsets.UTF_8);
		String formId = UUID.randomUUID().toString();
		HttpResponse<String> wrongType = deliveries.send(deliveries.request("/webhooks/marquee")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(MarqueeHeaders.WEBHOOK_DELIVERY_ID, formId)
			.header(MarqueeHeaders.WEBHOOK_SIGNATURE,
					NativeWebhook.sign(Deliveries.SECRET, formId, System.currentTimeMillis(), form))
			.POST(HttpRequest.BodyPublishers.ofByteArray(form))
			.build());
		HttpResponse<String> unknownType = deliveries
			.post("{\"type\":\"podcast\",\"id\":\"p1\",\"action\":\"publish\",\"version\":1,\"fields\":{}}");

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(wrongType.statusCode()).isEqualTo(415);
		assertThat(unknownType.statusCode()).isEqualTo(422);
		for (HttpResponse<String> response : List.of(malformed, oversized, wrongType, unknownType)) {
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
		}
	}

	@Test
	void answers503WithRetryAfterWhenTheHollowProducerCannotPublishAndTheRetrySucceeds() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		String body = Deliveries.homePage(page, "publish", 1, ids[0], ids[1]);
		String deliveryId = UUID.randomUUID().toString();
		hollow.available(false);
		HttpResponse<String> refused;
		try {
			refused = deliveries.post(body, deliveryId);
		}
		finally {
			hollow.available(true);
		}
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(MarqueeJson.mapper().readTree(refused.body()).get("type").asString())
			.isEqualTo("https://marquee.dev/problems/hollow-unavailable");

		HttpResponse<String> retried = deliveries.post(body, deliveryId);

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		assertThat(MarqueeJson.mapper().readTree(retried.body()).get("duplicate").asBoolean()).isFalse();
		assertThat(hollow.changesOf(page)).hasSize(2);
	}

	@Test
	void changedTitleReRendersEveryPageUsingIt() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String first = unique("home");
		String second = unique("home");
		assertThat(deliveries.post(Deliveries.homePage(first, "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);
		assertThat(deliveries.post(Deliveries.homePage(second, "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);

		HttpResponse<String> renamed = deliveries.post(Deliveries.title(ids[1], 2, "Stranger Nights", ids[0]));

		assertThat(renamed.statusCode()).isEqualTo(200);
		JsonNode body = MarqueeJson.mapper().readTree(renamed.body());
		List<String> pages = new ArrayList<>();
		body.get("pages").forEach((affected) -> pages.add(affected.get("pageId").asString()));
		assertThat(pages).containsOnly(first, second).hasSize(4);
		for (String page : List.of(first, second)) {
			List<PageChanged> onKafka = awaitKafka(page,
					(changes) -> changes.stream()
						.anyMatch((c) -> c.page() != null
								&& c.page().elements().get(0).text().get("heading").contains("Nights")));
			assertThat(onKafka).isNotEmpty();
		}
	}

	@Test
	void failedReRenderKeepsLastGoodVersionAndIsListedForAdmins() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		assertThat(deliveries.post(Deliveries.homePage(page, "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);
		int before = hollow.changesOf(page).size();

		HttpResponse<String> deleted = deliveries.post(Deliveries.removal("title", ids[1], "delete", 2));

		assertThat(deleted.statusCode()).isEqualTo(200);
		JsonNode body = MarqueeJson.mapper().readTree(deleted.body());
		assertThat(body.get("renderProblems")).hasSize(2);
		assertThat(hollow.changesOf(page)).hasSize(before);
		HttpResponse<String> problems = deliveries.send(deliveries.asAdmin("/admin/render-problems").GET().build());
		assertThat(problems.statusCode()).isEqualTo(200);
		assertThat(problems.body()).contains(page).contains("title " + ids[1] + " delete v2");
	}

	@Test
	void regenerateRepublishesEveryPage() {
		Deliveries deliveries = deliveries();
		String[] ids = catalog(deliveries);
		String page = unique("home");
		assertThat(deliveries.post(Deliveries.homePage(page, "publish", 1, ids[0], ids[1])).statusCode())
			.isEqualTo(200);
		int before = hollow.changesOf(page).size();

		HttpResponse<String> started = deliveries
			.send(deliveries.asAdmin("/admin/regenerate").POST(HttpRequest.BodyPublishers.noBody()).build());

		assertThat(started.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> status = deliveries.send(deliveries.asAdmin("/admin/regenerate/status").GET().build());
			JsonNode json = MarqueeJson.mapper().readTree(status.body());
			assertThat(json.get("state").asString()).isEqualTo("COMPLETED");
			assertThat(json.get("processedPages").asInt()).isEqualTo(json.get("totalPages").asInt());
		});
		assertThat(hollow.changesOf(page)).hasSize(before + 2);
	}

	@Test
	void adminEndpointsNeedRoleAdmin() {
		Deliveries deliveries = deliveries();

		HttpResponse<String> anonymous = deliveries.send(deliveries.request("/admin/render-problems").GET().build());
		HttpResponse<String> editor = deliveries
			.send(deliveries.asUser("/admin/render-problems", "editor", "marquee-editor-local").GET().build());
		HttpResponse<String> apiDocs = deliveries.send(deliveries.request("/v3/api-docs").GET().build());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(editor.statusCode()).isEqualTo(403);
		assertThat(apiDocs.statusCode()).isEqualTo(200);
		assertThat(apiDocs.body()).contains("/webhooks/marquee");
	}

}
