package dev.marquee.ingestion;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.ingestion.HostileWebhookCorpusIntegrationTests.Hostile;
import dev.marquee.model.ElementType;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;

import static dev.marquee.ingestion.HostileWebhookCorpusIntegrationTests.envelope;
import static dev.marquee.ingestion.HostileWebhookCorpusIntegrationTests.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The hostile corpus's content-integrity classes at the webhook and markup edge, against
 * the real service (real Kafka and Cassandra): replays under fresh delivery ids and
 * timestamps, an unsigned Contentful topic, duplicate JSON keys, unsafe URL fields and
 * asset paths, for every source where the class applies; each must be refused with its
 * own 4xx problem and publish nothing. Then what is accepted but cleaned: rich text
 * through the allow-list, Sanity release versions kept to preview, the operation taken
 * from the signed body, error lists capped, and the service's own error and metrics
 * endpoints.
 */
class HostileEdgeCorpusIntegrationTests extends IngestionIntegrationTestSupport {

	private static final List<String> SOURCES = HostileWebhookCorpusIntegrationTests.SOURCES;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<String> documentIds = new ArrayList<>();

	private int next;

	@TestFactory
	Stream<DynamicTest> edgeClassesAreRefusedWithTheirProblemAndPublishNothing() {
		List<EdgeCase> corpus = new ArrayList<>();
		corpus.addAll(replayCases());
		corpus.addAll(contentfulTopicCases());
		corpus.addAll(duplicateKeyCases());
		corpus.addAll(urlCases());
		Stream<DynamicTest> cases = corpus.stream()
			.map((edge) -> dynamicTest(edge.name() + " → " + edge.status() + " " + edge.type(), () -> check(edge)));
		return Stream.concat(cases, Stream.of(dynamicTest("at least 60 cases, every source", () -> {
			assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
			assertThat(corpus).extracting(EdgeCase::name)
				.anySatisfy((name) -> assertThat(name).startsWith("contentful"))
				.anySatisfy((name) -> assertThat(name).startsWith("sanity"))
				.anySatisfy((name) -> assertThat(name).startsWith("strapi"));
		}), dynamicTest("nothing the edge corpus named was published",
				() -> assertThat(hollow.changes()).noneMatch((change) -> this.documentIds.contains(change.pageId())))));
	}

	private void check(EdgeCase edge) {
		HttpResponse<String> response = deliveries().send(edge.request().get());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(edge.status());
		assertThat(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElse("text/plain"))
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(response.body()).isTrue();
		JsonNode problem = MarqueeJson.mapper().readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://marquee.dev/problems/" + edge.type());
		if (edge.field() != null) {
			assertThat(problem.path("errors").values().stream().map((error) -> error.path("field").asString()))
				.as(response.body())
				.contains(edge.field());
		}
	}

	// ---- refused classes
	// --------------------------------------------------------------------------------

	/**
	 * A captured native delivery, re-sent under a fresh delivery id or with a fresh
	 * timestamp, is refused.
	 */
	private List<EdgeCase> replayCases() {
		List<EdgeCase> cases = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String id = newId();
			byte[] body = HostileWebhookCorpusIntegrationTests.bytes(envelope("marquee", id, page(id)));
			String captured = "captured-" + id;
			cases.add(refused("marquee replay of a captured signature under a fresh delivery id #" + i, 401,
					"invalid-signature", null, () -> nativeRequest(body, "fresh-" + UUID.randomUUID(),
							NativeWebhook.sign(Deliveries.SECRET, captured, System.currentTimeMillis(), body))));
			cases.add(refused("marquee replay of a captured v1 with a fresh timestamp #" + i, 401, "invalid-signature",
					null, () -> {
						long old = System.currentTimeMillis() - 10 * 60_000;
						String v1 = NativeWebhook.sign(Deliveries.SECRET, captured, old, body).split(",v1=")[1];
						return nativeRequest(body, captured, "t=" + System.currentTimeMillis() + ",v1=" + v1);
					}));
			cases.add(refused("marquee body-only signature of the old scheme #" + i, 401, "invalid-signature", null,
					() -> {
						long now = System.currentTimeMillis();
						String bodyOnly = HexFormat.of()
							.formatHex(Deliveries.hmac(Deliveries.SECRET, Deliveries.utf8(now + "."), body));
						return nativeRequest(body, captured, "t=" + now + ",v1=" + bodyOnly);
					}));
		}
		cases.add(refused("marquee delivery id with a space", 400, "invalid-delivery-id", null, () -> {
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			return nativeRequest(body, "has space", "t=1,v1=00");
		}));
		cases.add(refused("marquee delivery id of 201 characters", 400, "invalid-delivery-id", null, () -> {
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			return nativeRequest(body, "d".repeat(201), "t=1,v1=00");
		}));
		return cases;
	}

	/**
	 * A Contentful request whose signature is correct but leaves the topic unsigned is
	 * refused: the topic decides whether a body is a draft or goes public.
	 */
	private List<EdgeCase> contentfulTopicCases() {
		List<EdgeCase> cases = new ArrayList<>();
		for (String topic : List.of("ContentManagement.Entry.publish", "ContentManagement.Entry.save",
				"ContentManagement.Entry.unpublish", "ContentManagement.Entry.delete",
				"ContentManagement.Asset.publish")) {
			for (String signed : List.of("x-contentful-signed-headers,x-contentful-timestamp",
					"x-contentful-timestamp,x-contentful-signed-headers,x-contentful-idempotency-key")) {
				String id = newId();
				byte[] body = HostileWebhookCorpusIntegrationTests.bytes(envelope("contentful", id, page(id)));
				cases.add(refused("contentful " + topic + " with signed headers " + signed, 401, "invalid-signature",
						null, () -> contentfulWithoutTopic(body, topic, signed)));
			}
		}
		return cases;
	}

	/**
	 * Duplicate keys anywhere in a body: the envelope's action, the page's fields, an
	 * element.
	 */
	private List<EdgeCase> duplicateKeyCases() {
		List<EdgeCase> cases = new ArrayList<>();
		Map<String, String> duplicates = new LinkedHashMap<>();
		duplicates.put("top-level key", "{\"a\":1,\"a\":2,");
		duplicates.put("nested key", "{\"x\":{\"slug\":\"a\",\"slug\":\"b\"},");
		duplicates.put("key in an array element", "{\"x\":[{\"id\":\"e\",\"id\":\"f\"}],");
		for (String source : SOURCES) {
			for (Map.Entry<String, String> duplicate : duplicates.entrySet()) {
				String id = newId();
				byte[] valid = HostileWebhookCorpusIntegrationTests.bytes(envelope(source, id, page(id)));
				// Put the duplicate in front of the valid members: "{" + duplicate + rest
				// of the body.
				byte[] body = HostileWebhookCorpusIntegrationTests.concat(
						duplicate.getValue().getBytes(StandardCharsets.UTF_8),
						java.util.Arrays.copyOfRange(valid, 1, valid.length));
				cases.add(refused(source + " duplicate " + duplicate.getKey(), 400, "malformed-json", null,
						() -> Hostile.signed(source, body).build(deliveries())));
			}
		}
		String id = newId();
		ObjectNode json = envelope("marquee", id, page(id));
		String serialized = MarqueeJson.mapper()
			.writeValueAsString(json)
			.replace("\"action\":\"publish\"", "\"action\":\"draft\",\"action\":\"publish\"");
		cases.add(refused("marquee action draft then publish", 400, "malformed-json", null,
				() -> Hostile.signed("marquee", serialized.getBytes(StandardCharsets.UTF_8)).build(deliveries())));
		return cases;
	}

	/**
	 * URL-valued fields and asset paths that are not plain web URLs and relative paths:
	 * field-level 422.
	 */
	private List<EdgeCase> urlCases() {
		List<EdgeCase> cases = new ArrayList<>();
		List<String> badUrls = List.of("javascript:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox(1)",
				"data:text/html;base64,PHNjcmlwdD4=", "&#00000000106;avascript:alert(1)", "//evil.example/x",
				"https://exa mple.com", "\u0000https://example.com");
		for (String source : SOURCES) {
			for (String url : badUrls.subList(0, ("marquee".equals(source)) ? badUrls.size() : 3)) {
				String id = newId();
				ObjectNode fields = withVideo(page(id), url);
				cases.add(refused(source + " videoUrl " + url.replace('\t', '␉').replace('\u0000', '␀'), 422,
						"template-violation", "elements[2].text.videoUrl",
						() -> Hostile.signed(source, envelope(source, id, fields)).build(deliveries())));
			}
		}
		for (String file : List.of("../secret.jpg", "img/%2e%2e/%2e%2e/x.jpg", "//evil.example/a.jpg",
				"https://evil.example/a.jpg", "javascript:alert(1)", "img/a\t.jpg")) {
			String id = newId();
			ObjectNode json = MarqueeJson.mapper().createObjectNode();
			json.put("type", "asset").put("id", id).put("action", "publish").put("version", 1);
			json.putObject("fields")
				.put("file", file)
				.put("width", 10)
				.put("height", 10)
				.put("mimeType", "image/jpeg")
				.put("altText", "x");
			cases.add(refused("marquee asset file " + file.replace('\t', '␉'), 422, "template-violation", "file",
					() -> Hostile.signed("marquee", json).build(deliveries())));
		}
		return cases;
	}

	// ---- accepted, but cleaned or kept to preview
	// ----------------------------------------------------------

	@Test
	void richTextIsCleanedByTheAllowListAndProseSurvives() {
		String id = newId();
		String html = "<p>the word onion=good; javascript: is a word</p>"
				+ "<a href=\"&#00000000106;avascript:alert(1)\">one</a><form action=\"https://evil.example\"><button>two</button></form>"
				+ "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
				+ "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><a href=\"data:text/html,x\">three</a>"
				+ "<div style=\"position:fixed;inset:0\">four</div><a href=\"https://example.com/ok\">five</a>";
		ObjectNode fields = page(id);
		((ObjectNode) fields.get("elements").get(0).get("text")).put("html", html);

		HttpResponse<String> response = deliveries()
			.send(Hostile.signed("marquee", envelope("marquee", id, fields)).build(deliveries()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String published = hollow.changesOf(id).get(0).page().elements().get(0).text().get("html");
		assertThat(published).startsWith("<p>the word onion=good; javascript: is a word</p>")
			.doesNotContain("<form", "<base", "<meta", "<link", "style=", "data:", "avascript:alert", "href=\"&#")
			.contains("one", "two", "three", "four")
			.endsWith("<a href=\"https://example.com/ok\" rel=\"noopener noreferrer\">five</a>");
	}

	@Test
	void sanityReleaseVersionsStayInPreviewAndTheSignedOperationWins() {
		String id = newId();
		ObjectNode release = envelope("sanity", "versions.spring-launch." + id, page(id));
		release.put("_updatedAt", "2026-02-01T00:00:00Z");

		HttpResponse<String> staged = deliveries().send(Hostile.signed("sanity", release).build(deliveries()));

		assertThat(staged.statusCode()).as(staged.body()).isEqualTo(200);
		assertThat(hollow.changesOf(id)).extracting(PageChanged::stage).containsOnly(Stage.PREVIEW);

		ObjectNode published = envelope("sanity", id, page(id)).put("_updatedAt", "2026-02-02T00:00:00Z");
		assertThat(deliveries().send(Hostile.signed("sanity", published).build(deliveries())).statusCode())
			.isEqualTo(200);
		assertThat(hollow.changesOf(id)).extracting(PageChanged::stage).contains(Stage.PUBLISHED);

		// The header says update, the signed projection says delete: the signed body
		// decides.
		ObjectNode deleted = envelope("sanity", id, page(id)).put("_updatedAt", "2026-02-03T00:00:00Z")
			.put("_operation", "delete");
		HttpResponse<String> removal = deliveries()
			.send(Hostile.signed("sanity", deleted).header("sanity-operation", "update").build(deliveries()));

		assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
		List<PageChanged> changes = hollow.changesOf(id);
		assertThat(changes.get(changes.size() - 1).kind()).isEqualTo(PageChanged.ChangeKind.DELETED);
	}

	@Test
	void aPageWithThousandsOfViolationsAnswersTheFirstHundredAndTheCount() {
		String id = newId();
		ObjectNode fields = page(id);
		ArrayNode elements = fields.putArray("elements");
		for (int i = 0; i < 600; i++) {
			elements.addObject().put("id", "e" + i).put("type", "BLINK");
		}

		HttpResponse<String> response = deliveries()
			.send(Hostile.signed("marquee", envelope("marquee", id, fields)).build(deliveries()));

		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = MarqueeJson.mapper().readTree(response.body());
		assertThat(problem.path("errors").size()).isEqualTo(100);
		assertThat(problem.path("errorsTotal").asInt()).isGreaterThan(600);
		assertThat(response.body().length()).isLessThan(30_000);
	}

	@Test
	void errorEndpointAnswersAProblemAndMetricsAreForAdminsOnly() {
		Deliveries deliveries = deliveries();
		HttpResponse<String> error = deliveries.send(deliveries.request("/error").GET().build());
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		for (String[] user : new String[][] { { "editor", "marquee-editor-local" },
				{ "marquee-service", "marquee-service-local" } }) {
			HttpResponse<String> metrics = deliveries
				.send(deliveries.asUser("/actuator/metrics", user[0], user[1]).GET().build());
			assertThat(metrics.statusCode()).as(user[0]).isEqualTo(403);
		}
		assertThat(deliveries.send(deliveries.asAdmin("/actuator/metrics").GET().build()).statusCode()).isEqualTo(200);
		assertThat(deliveries.send(deliveries.request("/actuator/health").GET().build()).statusCode()).isEqualTo(200);
	}

	// ---- helpers
	// --------------------------------------------------------------------------------------------

	private String newId() {
		String id = "edge-" + this.run + "-" + (++this.next);
		this.documentIds.add(id);
		return id;
	}

	/**
	 * The page with a VIDEO element (an article allows one) whose {@code videoUrl} is the
	 * given value.
	 */
	private static ObjectNode withVideo(ObjectNode fields, String url) {
		ObjectNode video = ((ArrayNode) fields.get("elements")).addObject();
		video.put("id", "video").put("type", ElementType.VIDEO.name());
		video.putObject("text").put("videoUrl", url).put("caption", "Trailer");
		video.putArray("assetIds").add("missing-asset-for-edge-corpus");
		return fields;
	}

	private HttpRequest nativeRequest(byte[] body, String deliveryId, String signature) {
		return deliveries().request("/webhooks/marquee")
			.header("Content-Type", "application/json")
			.header(NativeWebhook.DELIVERY_ID, deliveryId)
			.header(NativeWebhook.SIGNATURE, signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	/** Signed correctly over the headers named, which leave out the topic. */
	private HttpRequest contentfulWithoutTopic(byte[] body, String topic, String signedNames) {
		long now = System.currentTimeMillis();
		String idempotencyKey = UUID.randomUUID().toString();
		Map<String, String> values = Map.of("x-contentful-signed-headers", signedNames, "x-contentful-timestamp",
				Long.toString(now), "x-contentful-idempotency-key", idempotencyKey);
		StringBuilder canonical = new StringBuilder("POST\n/webhooks/contentful\n");
		String[] names = signedNames.split(",");
		for (int i = 0; i < names.length; i++) {
			canonical.append((i > 0) ? ";" : "").append(names[i]).append(':').append(values.get(names[i]));
		}
		canonical.append('\n');
		String signature = HexFormat.of()
			.formatHex(Deliveries.hmac(Hostile.secretOf("contentful"), Deliveries.utf8(canonical.toString()), body));
		return deliveries().request("/webhooks/contentful")
			.header("Content-Type", "application/vnd.contentful.management.v1+json")
			.header("X-Contentful-Topic", topic)
			.header("X-Contentful-Idempotency-Key", idempotencyKey)
			.header("x-contentful-signed-headers", signedNames)
			.header("x-contentful-timestamp", Long.toString(now))
			.header("x-contentful-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static EdgeCase refused(String name, int status, String type, String field,
			java.util.function.Supplier<HttpRequest> request) {
		return new EdgeCase(name, status, type, field, request);
	}

	/**
	 * One refused request.
	 *
	 * @param name what it is
	 * @param status the status it must get
	 * @param type the problem type slug it must get
	 * @param field a field the problem's {@code errors} must name, or null
	 * @param request builds it just before it is sent (timestamps are fresh)
	 */
	record EdgeCase(String name, int status, String type, String field,
			java.util.function.Supplier<HttpRequest> request) {
	}

}
