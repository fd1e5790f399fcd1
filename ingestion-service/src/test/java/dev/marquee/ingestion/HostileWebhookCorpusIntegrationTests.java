package dev.marquee.ingestion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.webhook.NativeWebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Bad input: a corpus of malformed and hostile webhook requests, generated for all four
 * sources (native, Contentful, Sanity, Strapi). Most are signed correctly, so they get
 * past the signature check and reach the parsers, mappers and the template validator.
 * Every one must be answered with a 4xx {@code application/problem+json}; afterwards
 * nothing the corpus named may have been published on either write path, the service must
 * be healthy, and an unmutated delivery from each source must still be accepted (which
 * also shows that the corpus's bodies are rejected for their mutation, not for a wrong
 * envelope).
 */
class HostileWebhookCorpusIntegrationTests extends IngestionIntegrationTestSupport {

	static final List<String> SOURCES = List.of("marquee", "contentful", "sanity", "strapi");

	static final String CONTENTFUL_SIGNED_HEADERS = Deliveries.CONTENTFUL_SIGNED_HEADERS;

	// Spliced into a serialized body in place of the JSON string "@@RAW@@": bytes no JSON
	// writer would produce.
	static final String RAW = "@@RAW@@";

	static final int MAX_BODY = 64 * 1024;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private int next;

	private final Set<String> documentIds = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> tally = new ConcurrentHashMap<>();

	@TestFactory
	Stream<DynamicTest> everyHostileRequestIsRejectedWithA4xxProblemAndNothingIsPublished() {
		List<HostileCase> corpus = new ArrayList<>();
		for (String source : SOURCES) {
			fieldCases().forEach((fieldCase) -> corpus.add(fieldCase.on(source, this)));
			corpus.addAll(requestCases(source));
		}
		Stream<DynamicTest> cases = corpus.stream()
			.map((hostile) -> dynamicTest(hostile.displayName(), () -> check(hostile)));
		Stream<DynamicTest> after = Stream.of(
				dynamicTest("the corpus has at least 200 requests, at least 40 per source",
						() -> corpusIsLargeEnough(corpus)),
				dynamicTest("nothing the corpus named reached the hollow producer or Kafka", this::nothingPublished),
				dynamicTest("the service is healthy afterwards", this::healthy),
				dynamicTest("an unmutated delivery from each source is still accepted", this::controlsAccepted),
				dynamicTest("summary per source, category and status", this::printSummary));
		return Stream.concat(cases, after);
	}

	private void check(HostileCase hostile) {
		HttpResponse<String> response = deliveries().send(hostile.request().build(deliveries()));
		this.tally.merge(hostile.source() + "|" + hostile.category() + "|" + response.statusCode(), 1, Integer::sum);
		System.out.println("hostile " + response.statusCode() + " " + hostile.displayName());
		String answer = response.body().substring(0, Math.min(500, response.body().length()));
		assertThat(response.statusCode()).as(() -> hostile.displayName() + " answered " + answer).isBetween(400, 499);
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		assertThat(MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(() -> "Content-Type " + contentType + " of " + answer)
			.isTrue();
		JsonNode problem = MarqueeJson.mapper().readTree(response.body());
		assertThat(problem.path("type").asString("")).startsWith("https://marquee.dev/problems/");
		assertThat(problem.path("title").asString("")).isNotBlank();
		assertThat(problem.path("status").asInt(0)).isEqualTo(response.statusCode());
	}

	private void corpusIsLargeEnough(List<HostileCase> corpus) {
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
		Map<String, Long> perSource = corpus.stream()
			.collect(Collectors.groupingBy(HostileCase::source, Collectors.counting()));
		assertThat(perSource).containsOnlyKeys(SOURCES)
			.allSatisfy((source, count) -> assertThat(count).isGreaterThan(40));
	}

	private void nothingPublished() {
		assertThat(this.documentIds).hasSizeGreaterThan(100);
		assertThat(hollow.changes()).noneMatch((change) -> this.documentIds.contains(change.pageId()));
		assertThat(kafkaKeys()).doesNotContainAnyElementsOf(this.documentIds);
	}

	/**
	 * Every key on the page-changes topic, read from the beginning to the current end.
	 */
	private static Set<String> kafkaKeys() {
		Set<String> keys = new HashSet<>();
		try (KafkaConsumer<String, byte[]> consumer = pageChangesFromTheBeginning()) {
			Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
				return end.entrySet()
					.stream()
					.allMatch((partition) -> consumer.position(partition.getKey()) >= partition.getValue());
			});
		}
		return keys;
	}

	private void healthy() {
		Deliveries deliveries = deliveries();
		HttpResponse<String> health = deliveries.send(deliveries.request("/actuator/health").GET().build());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(MarqueeJson.mapper().readTree(health.body()).path("status").asString()).isEqualTo("UP");
	}

	private void controlsAccepted() {
		Deliveries deliveries = deliveries();
		for (String source : SOURCES) {
			String id = "control-" + this.run + "-" + source;
			HttpResponse<String> response = deliveries
				.send(Hostile.signed(source, envelope(source, id, page(id))).build(deliveries));
			assertThat(response.statusCode()).as("%s control: %s", source, response.body()).isEqualTo(200);
			assertThat(hollow.changesOf(id)).isNotEmpty();
		}
	}

	private void printSummary() {
		Map<String, Map<String, Integer>> rows = new TreeMap<>();
		Map<String, Integer> perSource = new TreeMap<>();
		Map<String, Integer> perStatus = new TreeMap<>();
		this.tally.forEach((key, count) -> {
			String[] parts = key.split("\\|");
			rows.computeIfAbsent(parts[1], (category) -> new TreeMap<>())
				.merge(parts[0] + " " + parts[2], count, Integer::sum);
			perSource.merge(parts[0], count, Integer::sum);
			perStatus.merge(parts[2], count, Integer::sum);
		});
		StringBuilder table = new StringBuilder("\nHostile webhook corpus: ")
			.append(perSource.values().stream().mapToInt(Integer::intValue).sum())
			.append(" requests\n");
		table.append(String.format("%-28s %-10s %-10s %-10s %-10s%n", "category", "marquee", "contentful", "sanity",
				"strapi"));
		rows.forEach((category, counts) -> {
			table.append(String.format("%-28s", category));
			for (String source : SOURCES) {
				String cell = counts.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().startsWith(source + " "))
					.map((entry) -> entry.getValue() + "x" + entry.getKey().substring(source.length() + 1))
					.collect(Collectors.joining(","));
				table.append(String.format(" %-10s", cell.isEmpty() ? "-" : cell));
			}
			table.append('\n');
		});
		table.append("per source: ").append(perSource).append("\nper status: ").append(perStatus).append('\n');
		System.out.println(table);
		assertThat(perStatus.keySet()).allSatisfy((status) -> assertThat(status).startsWith("4"));
	}

	// ---- the corpus
	// -------------------------------------------------------------------------------------

	private String newId() {
		String id = "hostile-" + this.run + "-" + (++this.next);
		this.documentIds.add(id);
		return id;
	}

	/**
	 * A document id of 10,000 characters, remembered like every other id of the corpus.
	 */
	private String longId() {
		String id = newId() + "-" + "i".repeat(10_000);
		this.documentIds.add(id);
		this.documentIds.add(id.substring(0, 201));
		return id;
	}

	/**
	 * A valid article that needs no catalog document: each field case breaks exactly one
	 * thing of it.
	 */
	static ObjectNode page(String id) {
		ObjectNode fields = MarqueeJson.mapper().createObjectNode();
		fields.put("slug", "hostile/" + id);
		fields.put("template", "article");
		fields.put("title", "Hostile corpus");
		fields.put("summary", "Must never be published");
		ArrayNode elements = fields.putArray("elements");
		ObjectNode body = elements.addObject();
		body.put("id", "body");
		body.put("type", "RICH_TEXT");
		body.putObject("text").put("html", "<p>Nothing to see</p>");
		ObjectNode quote = elements.addObject();
		quote.put("id", "quote");
		quote.put("type", "QUOTE");
		quote.putObject("text").put("quote", "Plain words").put("attribution", "Someone");
		return fields;
	}

	/**
	 * A page publish in the source's own format, with the page's fields in native shape.
	 */
	static ObjectNode envelope(String source, String id, ObjectNode fields) {
		ObjectNode json = MarqueeJson.mapper().createObjectNode();
		switch (source) {
			case "marquee" -> {
				json.put("type", "page").put("id", id).put("action", "publish").put("version", 1);
				json.set("fields", fields);
			}
			case "contentful" -> {
				ObjectNode sys = json.putObject("sys").put("id", id).put("type", "Entry").put("version", 1);
				sys.putObject("contentType")
					.putObject("sys")
					.put("type", "Link")
					.put("linkType", "ContentType")
					.put("id", "page");
				ObjectNode localized = json.putObject("fields");
				fields.properties()
					.forEach((entry) -> localized.putObject(entry.getKey()).set("en-US", entry.getValue()));
			}
			case "sanity" -> {
				json.put("_id", id).put("_type", "page").put("_updatedAt", "2026-01-01T00:00:00Z");
				fields.properties().forEach((entry) -> json.set(entry.getKey(), entry.getValue()));
				JsonNode slug = fields.get("slug");
				if (slug != null && slug.isString()) {
					json.putObject("slug").put("_type", "slug").put("current", slug.stringValue());
				}
			}
			case "strapi" -> {
				json.put("event", "entry.publish").put("model", "page").put("uid", "api::page.page");
				ObjectNode entry = json.putObject("entry")
					.put("documentId", id)
					.put("updatedAt", "2026-01-01T00:00:00Z")
					.put("publishedAt", "2026-01-01T00:00:00Z");
				fields.properties().forEach((field) -> entry.set(field.getKey(), field.getValue()));
			}
			default -> throw new IllegalArgumentException(source);
		}
		return json;
	}

	/**
	 * Mutations of a page's fields, the same for every source: each reaches the mapper
	 * and the renderer.
	 */
	static List<FieldCase> fieldCases() {
		List<FieldCase> cases = new ArrayList<>();
		// HTML and script in plain-text fields (only RICH_TEXT may carry markup, and it
		// is sanitized)
		cases.add(new FieldCase("html-in-text", "script in title", set("title", "<script>alert(1)</script>")));
		cases.add(new FieldCase("html-in-text", "img onerror in summary",
				set("summary", "<img src=x onerror=alert(1)>")));
		cases.add(new FieldCase("html-in-text", "javascript url as title",
				set("title", "javascript:alert(document.cookie)")));
		cases.add(new FieldCase("html-in-text", "spaced tag in summary", set("summary", "hello < script >alert(1)")));
		cases.add(new FieldCase("html-in-text", "bold tag in a quote", text(1, "quote", "<b>shout</b>")));
		cases.add(new FieldCase("html-in-text", "iframe in an attribution",
				text(1, "attribution", "</p><iframe src=//evil.example>")));
		cases.add(new FieldCase("html-in-text", "svg onload in a quote", text(1, "quote", "<svg/onload=alert(1)>")));
		// huge strings (the body limit is 64KB, so "huge" fits inside it and reaches the
		// validator)
		cases.add(new FieldCase("huge-strings", "60k title", set("title", "T".repeat(60_000))));
		cases.add(new FieldCase("huge-strings", "50k summary", set("summary", "S".repeat(50_000))));
		cases.add(new FieldCase("huge-strings", "50k slug", set("slug", "a".repeat(50_000))));
		cases.add(new FieldCase("huge-strings", "60k quote", text(1, "quote", "Q".repeat(60_000))));
		cases.add(new FieldCase("huge-strings", "50k rich text", text(0, "html", "<p>" + "x".repeat(50_000) + "</p>")));
		cases.add(new FieldCase("huge-strings", "50k element id", element(0, (e) -> e.put("id", "e".repeat(50_000)))));
		cases.add(new FieldCase("huge-strings", "5k placeholders in summary",
				set("summary", "{{title:missing.name}}".repeat(2_500))));
		// deep nesting
		cases.add(new FieldCase("deep-nesting", "10,000 nested arrays as elements",
				raw("elements", "[".repeat(10_000) + "]".repeat(10_000))));
		cases.add(new FieldCase("deep-nesting", "9,000 nested objects as title",
				raw("title", "{\"a\":".repeat(9_000) + "1" + "}".repeat(9_000))));
		cases.add(new FieldCase("deep-nesting", "400 nested arrays as elements",
				raw("elements", "[".repeat(400) + "]".repeat(400))));
		cases.add(new FieldCase("deep-nesting", "200 nested arrays as element text", new RawOperator(
				element(0, (e) -> e.put("text", RAW)), ascii("[".repeat(200) + "\"x\"" + "]".repeat(200)))));
		// invalid UTF-8 inside string values
		cases.add(new FieldCase("invalid-utf8", "C3 28 in title", raw("title", bytes('"', 'a', 0xC3, 0x28, 'b', '"'))));
		cases.add(new FieldCase("invalid-utf8", "FF FE in summary", raw("summary", bytes('"', 0xFF, 0xFE, '"'))));
		cases.add(new FieldCase("invalid-utf8", "overlong slash C0 AF in slug",
				raw("slug", bytes('"', 'a', 0xC0, 0xAF, '"'))));
		cases.add(new FieldCase("invalid-utf8", "overlong 'e' C1 A5 in title",
				raw("title", bytes('"', 'h', 0xC1, 0xA5, 'y', '"'))));
		cases.add(new FieldCase("invalid-utf8", "truncated E2 82 in title",
				raw("title", bytes('"', 'x', 0xE2, 0x82, '"'))));
		cases.add(new FieldCase("invalid-utf8", "lone surrogate ED A0 80 in title",
				raw("title", bytes('"', 'x', 0xED, 0xA0, 0x80, 'y', '"'))));
		cases.add(new FieldCase("invalid-utf8", "continuation byte 80 alone in quote",
				new RawOperator(text(1, "quote", RAW), bytes('"', 0x80, '"'))));
		// wrong types
		cases.add(new FieldCase("wrong-types", "title is an object", json("title", "{\"text\":\"Hello\"}")));
		cases.add(new FieldCase("wrong-types", "slug is an array", json("slug", "[\"a\",\"b\"]")));
		cases.add(new FieldCase("wrong-types", "template is an array", json("template", "[\"article\"]")));
		cases.add(new FieldCase("wrong-types", "elements is a string", json("elements", "\"body\"")));
		cases.add(new FieldCase("wrong-types", "elements are numbers", json("elements", "[1,2,3]")));
		cases.add(new FieldCase("wrong-types", "element is null", json("elements", "[null]")));
		cases.add(new FieldCase("wrong-types", "element text is a string",
				element(0, (e) -> e.put("text", "<p>hi</p>"))));
		cases.add(new FieldCase("wrong-types", "element id is an array", element(0, (e) -> e.putArray("id").add("x"))));
		cases.add(new FieldCase("wrong-types", "required text value is null",
				element(1, (e) -> ((ObjectNode) e.get("text")).putNull("quote"))));
		cases.add(new FieldCase("wrong-types", "element text value is an object",
				element(1, (e) -> ((ObjectNode) e.get("text")).putObject("attribution").put("a", 1))));
		cases.add(new FieldCase("wrong-types", "talent id is null",
				element(1, (e) -> e.putArray("talentIds").addNull())));
		cases.add(new FieldCase("wrong-types", "asset ids is a string", element(1, (e) -> e.put("assetIds", "a1"))));
		// missing fields
		cases.add(new FieldCase("missing-fields", "no title", remove("title")));
		cases.add(new FieldCase("missing-fields", "no slug", remove("slug")));
		cases.add(new FieldCase("missing-fields", "no template", remove("template")));
		cases.add(new FieldCase("missing-fields", "no summary (required by article)", remove("summary")));
		cases.add(new FieldCase("missing-fields", "no elements", remove("elements")));
		cases.add(new FieldCase("missing-fields", "element without id", element(0, (e) -> e.remove("id"))));
		cases.add(new FieldCase("missing-fields", "element without type", element(0, (e) -> e.remove("type"))));
		cases.add(new FieldCase("missing-fields", "quote without its required text",
				element(1, (e) -> e.remove("text"))));
		cases.add(new FieldCase("missing-fields", "no fields at all", (fields) -> {
			fields.removeAll();
			return fields;
		}));
		// unknown templates and element types
		cases.add(new FieldCase("unknown-type-or-action", "unknown template", set("template", "landing")));
		cases.add(new FieldCase("unknown-type-or-action", "unknown element type",
				element(0, (e) -> e.put("type", "MARQUEE_BLINK"))));
		cases.add(new FieldCase("unknown-type-or-action", "element type not allowed by the template",
				element(0, (e) -> e.put("type", "TITLE_ROW"))));
		// references to documents that do not exist
		cases.add(new FieldCase("missing-references", "title card of a missing title", element(1, (e) -> {
			e.put("type", "TITLE_CARD").remove("text");
			e.putArray("titleIds").add("missing-title-x");
		})));
		cases.add(new FieldCase("missing-references", "quote of missing talent",
				element(1, (e) -> e.putArray("talentIds").add("missing-talent-x"))));
		cases.add(new FieldCase("missing-references", "placeholder of a missing title in title",
				set("title", "About {{title:missing-title-x.name}}")));
		cases.add(new FieldCase("missing-references", "placeholder of missing talent in a quote",
				text(1, "attribution", "{{talent:missing-talent-x}}")));
		cases.add(new FieldCase("missing-references", "image of a missing asset", element(1, (e) -> {
			e.put("type", "IMAGE").remove("text");
			e.putArray("assetIds").add("missing-asset-x");
		})));
		return cases;
	}

	/**
	 * Mutations of the request itself: envelope, headers, signature, media type, size.
	 */
	private List<HostileCase> requestCases(String source) {
		List<HostileCase> cases = new ArrayList<>();
		// broken JSON, signed correctly
		for (Map.Entry<String, String> broken : brokenJson().entrySet()) {
			cases.add(new HostileCase(source, "broken-json", broken.getKey(),
					Hostile.signed(source, broken.getValue().getBytes(StandardCharsets.UTF_8))));
		}
		String idOfValid = newId();
		byte[] valid = bytes(envelope(source, idOfValid, page(idOfValid)));
		cases.add(new HostileCase(source, "broken-json", "valid body then a second object",
				Hostile.signed(source, concat(valid, "{\"type\":\"page\"}".getBytes(StandardCharsets.UTF_8)))));
		cases.add(new HostileCase(source, "broken-json", "valid body then garbage",
				Hostile.signed(source, concat(valid, "]]]".getBytes(StandardCharsets.UTF_8)))));
		// wrong content type on a valid, signed body
		for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "text/html; charset=utf-8", "not a media type", "")) {
			String id = newId();
			cases.add(new HostileCase(source, "wrong-content-type",
					contentType.isEmpty() ? "no content type" : contentType,
					Hostile.signed(source, envelope(source, id, page(id))).contentType(contentType)));
		}
		// a client that accepts only HTML still gets a problem
		String htmlId = newId();
		cases.add(new HostileCase(source, "wrong-content-type", "broken JSON with Accept: text/html",
				Hostile.signed(source, "{\"broken\"".getBytes(StandardCharsets.UTF_8)).header("Accept", "text/html")));
		cases.add(new HostileCase(source, "wrong-content-type", "text/plain with Accept: text/html",
				Hostile.signed(source, envelope(source, htmlId, page(htmlId)))
					.contentType("text/plain")
					.header("Accept", "text/html")));
		// oversized bodies (the test context allows 64KB)
		for (int size : new int[] { MAX_BODY + 1, 200 * 1024, 1024 * 1024 }) {
			String id = newId();
			ObjectNode fields = page(id).put("summary", "x".repeat(size));
			cases.add(new HostileCase(source, "oversized-body", (size / 1024) + "KB with content length",
					Hostile.signed(source, envelope(source, id, fields))));
		}
		String chunkedId = newId();
		cases.add(new HostileCase(source, "oversized-body", "100KB chunked, no content length",
				Hostile
					.signed(source, envelope(source, chunkedId, page(chunkedId).put("summary", "x".repeat(100 * 1024))))
					.chunked()));
		if ("strapi".equals(source)) {
			cases.addAll(strapiTokenCases());
		}
		else {
			cases.addAll(signatureCases(source));
		}
		cases.addAll(envelopeCases(source));
		return cases;
	}

	static Map<String, String> brokenJson() {
		Map<String, String> broken = new LinkedHashMap<>();
		broken.put("empty body", "");
		broken.put("whitespace only", "  \n ");
		broken.put("unclosed object", "{\"type\":\"page\",\"id\":\"x\"");
		broken.put("plain text", "hello, webhook");
		broken.put("top-level array", "[{\"type\":\"page\"}]");
		broken.put("top-level string", "\"page\"");
		broken.put("top-level null", "null");
		broken.put("single quotes", "{'type':'page'}");
		broken.put("trailing comma", "{\"type\":\"page\",}");
		broken.put("unterminated string", "{\"type\":\"pa");
		broken.put("NaN literal", "{\"version\":NaN}");
		broken.put("comment", "/* hi */ {\"type\":\"page\"}");
		broken.put("unquoted key", "{type:\"page\"}");
		broken.put("control character in string", "{\"type\":\"pa\u0001ge\"}");
		return broken;
	}

	private List<HostileCase> signatureCases(String source) {
		List<HostileCase> cases = new ArrayList<>();
		long minute = Duration.ofMinutes(1).toMillis();
		// replayed: a correct signature with an old timestamp (tolerance: 5 min
		// native/Sanity, 30 s Contentful)
		Map<String, UnaryOperator<Hostile>> ages = new LinkedHashMap<>();
		ages.put("6 minutes old", (h) -> h.timestampOffset(-6 * minute));
		ages.put("1 day old", (h) -> h.timestampOffset(-24 * 60 * minute));
		ages.put("epoch 0", (h) -> h.timestamp(0));
		ages.put("1 hour in the future", (h) -> h.timestampOffset(60 * minute));
		if ("contentful".equals(source)) {
			ages.put("31 seconds old", (h) -> h.timestampOffset(-31_000));
		}
		ages.forEach((age, change) -> {
			String id = newId();
			cases.add(new HostileCase(source, "replayed-signature", "timestamp " + age,
					change.apply(Hostile.signed(source, envelope(source, id, page(id))))));
		});
		// signed for another body
		String signedId = newId();
		String sentId = newId();
		byte[] signedBody = bytes(envelope(source, signedId, page(signedId)));
		cases.add(new HostileCase(source, "signature-for-another-body", "signature of another document",
				Hostile.signed(source, envelope(source, sentId, page(sentId))).signatureOf(signedBody)));
		String spaceId = newId();
		byte[] spaced = bytes(envelope(source, spaceId, page(spaceId)));
		cases.add(new HostileCase(source, "signature-for-another-body", "body with one trailing space",
				Hostile.signed(source, concat(spaced, new byte[] { ' ' })).signatureOf(spaced)));
		String prefixId = newId();
		byte[] prefixed = bytes(envelope(source, prefixId, page(prefixId)));
		cases.add(new HostileCase(source, "signature-for-another-body", "signature of a prefix of the body",
				Hostile.signed(source, prefixed).signatureOf(Arrays.copyOf(prefixed, prefixed.length / 2))));
		if ("contentful".equals(source)) {
			String id = newId();
			cases.add(new HostileCase(source, "signature-for-another-body", "signed for another path",
					Hostile.signed(source, envelope(source, id, page(id))).signedPath("/webhooks/sanity")));
			String putId = newId();
			cases.add(new HostileCase(source, "signature-for-another-body", "signed for method PUT",
					Hostile.signed(source, envelope(source, putId, page(putId))).signedMethod("PUT")));
		}
		// wrong secrets
		for (String secret : List.of("x", "wrong", Deliveries.SECRET + "x", "local-sanity-webhook-secret",
				"local-contentful-webhook-secret")) {
			if (secret.equals(Hostile.secretOf(source))) {
				continue;
			}
			String id = newId();
			cases.add(new HostileCase(source, "wrong-secret", "secret " + secret,
					Hostile.signed(source, envelope(source, id, page(id))).secret(secret)));
		}
		// missing or garbled signature headers
		String header = switch (source) {
			case "marquee" -> MarqueeHeaders.WEBHOOK_SIGNATURE;
			case "sanity" -> "sanity-webhook-signature";
			default -> "x-contentful-signature";
		};
		Map<String, String> garbled = new LinkedHashMap<>();
		garbled.put("missing", null);
		garbled.put("empty", "");
		garbled.put("random text", "let-me-in");
		garbled.put("only a timestamp", "t=" + System.currentTimeMillis());
		garbled.put("only a signature", "v1=" + "ab".repeat(32));
		garbled.put("non-numeric timestamp", "t=yesterday,v1=" + "ab".repeat(32));
		garbled.put("random 64 hex digits", "t=" + System.currentTimeMillis() + ",v1=" + "0f".repeat(32));
		garbled.put("percent signs", "t=1,v1=%%%%");
		for (Map.Entry<String, String> garble : garbled.entrySet()) {
			String id = newId();
			cases.add(new HostileCase(source, "garbled-signature", header + " " + garble.getKey(),
					Hostile.signed(source, envelope(source, id, page(id))).header(header, garble.getValue())));
		}
		if ("contentful".equals(source)) {
			Map<String, Consumer<Hostile>> contentful = new LinkedHashMap<>();
			contentful.put("no signed-headers list", (h) -> h.header("x-contentful-signed-headers", null));
			contentful.put("no timestamp header", (h) -> h.header("x-contentful-timestamp", null));
			contentful.put("timestamp not among the signed headers",
					(h) -> h.header("x-contentful-signed-headers", "x-contentful-signed-headers"));
			contentful.put("signed header absent",
					(h) -> h.header("x-contentful-signed-headers", CONTENTFUL_SIGNED_HEADERS + ",x-missing"));
			contentful.put("non-numeric timestamp", (h) -> h.header("x-contentful-timestamp", "now"));
			for (Map.Entry<String, Consumer<Hostile>> garble : contentful.entrySet()) {
				String id = newId();
				Hostile request = Hostile.signed(source, envelope(source, id, page(id)));
				garble.getValue().accept(request);
				cases.add(new HostileCase(source, "garbled-signature", garble.getKey(), request));
			}
		}
		return cases;
	}

	private List<HostileCase> strapiTokenCases() {
		List<HostileCase> cases = new ArrayList<>();
		// Strapi signs nothing: its bearer token is the secret.
		Map<String, String> garbled = new LinkedHashMap<>();
		garbled.put("no Authorization", null);
		garbled.put("empty Authorization", "");
		garbled.put("Bearer without token", "Bearer ");
		garbled.put("Basic credentials", "Basic YWRtaW46bWFycXVlZS1hZG1pbi1sb2NhbA==");
		garbled.put("token without scheme", "local-strapi-webhook-token");
		Map<String, String> wrong = new LinkedHashMap<>();
		wrong.put("wrong token", "Bearer wrong");
		wrong.put("token of another source", "Bearer " + Deliveries.SECRET);
		wrong.put("token with a suffix", "Bearer local-strapi-webhook-tokenx");
		wrong.put("token prefix", "Bearer local-strapi");
		wrong.put("token in upper case", "Bearer LOCAL-STRAPI-WEBHOOK-TOKEN");
		for (Map.Entry<String, Map<String, String>> category : Map
			.of("garbled-signature", garbled, "wrong-secret", wrong)
			.entrySet()) {
			category.getValue().forEach((name, authorization) -> {
				String id = newId();
				cases.add(new HostileCase("strapi", category.getKey(), name,
						Hostile.signed("strapi", envelope("strapi", id, page(id)))
							.header("Authorization", authorization)));
			});
		}
		return cases;
	}

	/**
	 * Broken envelopes: missing or wrongly typed ids, versions, types and actions, per
	 * source.
	 */
	private List<HostileCase> envelopeCases(String source) {
		Map<String, EnvelopeCase> cases = new LinkedHashMap<>();
		switch (source) {
			case "marquee" -> {
				cases.put("no type", envelope("missing-fields", (json, h) -> json.remove("type")));
				cases.put("no id", envelope("missing-fields", (json, h) -> json.remove("id")));
				cases.put("blank id", envelope("missing-fields", (json, h) -> json.put("id", "  ")));
				cases.put("no action", envelope("missing-fields", (json, h) -> json.remove("action")));
				cases.put("no version", envelope("missing-fields", (json, h) -> json.remove("version")));
				cases.put("no fields", envelope("missing-fields", (json, h) -> json.remove("fields")));
				cases.put("no delivery id",
						envelope("missing-fields", (json, h) -> h.header(MarqueeHeaders.WEBHOOK_DELIVERY_ID, null)));
				cases.put("id is an object", envelope("wrong-types", (json, h) -> json.putObject("id").put("a", 1)));
				cases.put("id of 201 characters",
						envelope("huge-strings", (json, h) -> json.put("id", longId().substring(0, 201))));
				cases.put("version is a string", envelope("wrong-types", (json, h) -> json.put("version", "1")));
				cases.put("version is a fraction", envelope("wrong-types", (json, h) -> json.put("version", 1.5)));
				cases.put("version is negative", envelope("wrong-types", (json, h) -> json.put("version", -1)));
				cases.put("version beyond 64 bits", envelope("wrong-types",
						(json, h) -> json.put("version", new BigInteger("99999999999999999999999"))));
				cases.put("fields is an array", envelope("wrong-types", (json, h) -> json.putArray("fields")));
				cases.put("fields is a string", envelope("wrong-types", (json, h) -> json.put("fields", "{}")));
				cases.put("type is an array", envelope("wrong-types", (json, h) -> json.putArray("type").add("page")));
				cases.put("unknown type", envelope("unknown-type-or-action", (json, h) -> json.put("type", "video")));
				cases.put("type in upper case",
						envelope("unknown-type-or-action", (json, h) -> json.put("type", "PAGE")));
				cases.put("unknown action",
						envelope("unknown-type-or-action", (json, h) -> json.put("action", "archive")));
				cases.put("action is a boolean", envelope("wrong-types", (json, h) -> json.put("action", true)));
				cases.put("title document with script name", envelope("html-in-text", (json, h) -> {
					json.put("type", "title");
					json.putObject("fields").put("name", "<script>alert(1)</script>").put("synopsis", "x");
				}));
				cases.put("talent document with img name", envelope("html-in-text", (json, h) -> {
					json.put("type", "talent");
					json.putObject("fields").put("name", "<img src=x onerror=alert(1)>");
				}));
				cases.put("asset with width as text", envelope("wrong-types", (json, h) -> {
					json.put("type", "asset");
					json.putObject("fields")
						.put("file", "a.jpg")
						.put("width", "wide")
						.put("height", 10)
						.put("mimeType", "image/jpeg");
				}));
				cases.put("asset that is not an image", envelope("wrong-types", (json, h) -> {
					json.put("type", "asset");
					json.putObject("fields")
						.put("file", "a.exe")
						.put("width", 1)
						.put("height", 1)
						.put("mimeType", "application/x-msdownload");
				}));
				cases.put("title with a 10k name", envelope("huge-strings", (json, h) -> {
					json.put("type", "title");
					json.putObject("fields").put("name", "N".repeat(10_000));
				}));
				cases.put("talent with a 10k name", envelope("huge-strings", (json, h) -> {
					json.put("type", "talent");
					json.putObject("fields").put("name", "N".repeat(10_000));
				}));
			}
			case "contentful" -> {
				cases.put("no sys", envelope("missing-fields", (json, h) -> json.remove("sys")));
				cases.put("no sys.id",
						envelope("missing-fields", (json, h) -> ((ObjectNode) json.get("sys")).remove("id")));
				cases.put("blank sys.id",
						envelope("missing-fields", (json, h) -> ((ObjectNode) json.get("sys")).put("id", "")));
				cases.put("sys.id of 10k characters",
						envelope("huge-strings", (json, h) -> ((ObjectNode) json.get("sys")).put("id", longId())));
				cases.put("no topic", envelope("missing-fields", (json, h) -> h.header("X-Contentful-Topic", null)));
				cases.put("sys is a string", envelope("wrong-types", (json, h) -> json.put("sys", "Entry")));
				cases.put("sys.version beyond 64 bits",
						envelope("wrong-types", (json, h) -> ((ObjectNode) json.get("sys")).put("version",
								new BigInteger("99999999999999999999999"))));
				cases.put("fields is an array", envelope("wrong-types", (json, h) -> json.putArray("fields")));
				cases.put("unknown content type", envelope("unknown-type-or-action",
						(json, h) -> ((ObjectNode) json.at("/sys/contentType/sys")).put("id", "movie")));
				cases.put("asset content type on an entry", envelope("unknown-type-or-action",
						(json, h) -> ((ObjectNode) json.at("/sys/contentType/sys")).put("id", "asset")));
				cases.put("unknown topic event", envelope("unknown-type-or-action",
						(json, h) -> h.header("X-Contentful-Topic", "ContentManagement.Entry.frobnicate")));
				cases.put("content type topic", envelope("unknown-type-or-action",
						(json, h) -> h.header("X-Contentful-Topic", "ContentManagement.ContentType.publish")));
				cases.put("foreign topic", envelope("unknown-type-or-action",
						(json, h) -> h.header("X-Contentful-Topic", "ContentDelivery.Entry.publish")));
				cases.put("two-part topic", envelope("unknown-type-or-action",
						(json, h) -> h.header("X-Contentful-Topic", "ContentManagement.Entry")));
				cases.put("delete of an entry never stored, no content type",
						envelope("missing-references", (json, h) -> {
							((ObjectNode) json.get("sys")).remove("contentType");
							((ObjectNode) json.get("sys")).put("type", "DeletedEntry");
							h.header("X-Contentful-Topic", "ContentManagement.Entry.delete");
						}));
				cases.put("unpublish of an entry never stored, no content type",
						envelope("missing-references", (json, h) -> {
							((ObjectNode) json.get("sys")).remove("contentType");
							h.header("X-Contentful-Topic", "ContentManagement.Entry.unpublish");
						}));
			}
			case "sanity" -> {
				cases.put("no _id", envelope("missing-fields", (json, h) -> json.remove("_id")));
				cases.put("no _type", envelope("missing-fields", (json, h) -> json.remove("_type")));
				cases.put("bare drafts. prefix as _id",
						envelope("missing-fields", (json, h) -> json.put("_id", "drafts.")));
				cases.put("_id of 10k characters", envelope("huge-strings", (json, h) -> json.put("_id", longId())));
				cases.put("_id is an object", envelope("wrong-types", (json, h) -> json.putObject("_id")));
				cases.put("_updatedAt is not a date",
						envelope("wrong-types", (json, h) -> json.put("_updatedAt", "yesterday")));
				cases.put("_updatedAt is a number",
						envelope("wrong-types", (json, h) -> json.put("_updatedAt", 12345)));
				cases.put("_updatedAt in year 1000000000",
						envelope("wrong-types", (json, h) -> json.put("_updatedAt", "+1000000000-12-31T23:59:59Z")));
				cases.put("unknown _type", envelope("unknown-type-or-action", (json, h) -> json.put("_type", "movie")));
				cases.put("file asset type",
						envelope("unknown-type-or-action", (json, h) -> json.put("_type", "sanity.fileAsset")));
				cases.put("unknown operation",
						envelope("unknown-type-or-action", (json, h) -> h.header("sanity-operation", "patch")));
				cases.put("empty operation",
						envelope("unknown-type-or-action", (json, h) -> h.header("sanity-operation", "")));
				cases.put("element references without _ref", envelope("missing-references", (json, h) -> {
					ObjectNode element = ((ArrayNode) json.get("elements")).addObject();
					element.put("_key", "card")
						.put("_type", "titleCard")
						.putArray("titles")
						.addObject()
						.put("_type", "reference");
				}));
				cases.put("element references a missing title", envelope("missing-references", (json, h) -> {
					ObjectNode element = ((ArrayNode) json.get("elements")).addObject();
					element.put("_key", "card")
						.put("_type", "titleCard")
						.putArray("titles")
						.addObject()
						.put("_ref", "missing-title-x");
				}));
			}
			case "strapi" -> {
				cases.put("no model", envelope("missing-fields", (json, h) -> json.remove("model")));
				cases.put("no entry", envelope("missing-fields", (json, h) -> json.remove("entry")));
				cases.put("no documentId",
						envelope("missing-fields", (json, h) -> ((ObjectNode) json.get("entry")).remove("documentId")));
				cases.put("blank documentId", envelope("missing-fields",
						(json, h) -> ((ObjectNode) json.get("entry")).put("documentId", "")));
				cases.put("documentId of 10k characters", envelope("huge-strings",
						(json, h) -> ((ObjectNode) json.get("entry")).put("documentId", longId())));
				cases.put("no event anywhere", envelope("missing-fields", (json, h) -> {
					json.remove("event");
					h.header("X-Strapi-Event", null);
				}));
				cases.put("entry is a string", envelope("wrong-types", (json, h) -> json.put("entry", "page")));
				cases.put("documentId is an array", envelope("wrong-types",
						(json, h) -> ((ObjectNode) json.get("entry")).putArray("documentId").add("x")));
				cases.put("updatedAt is not a date", envelope("wrong-types",
						(json, h) -> ((ObjectNode) json.get("entry")).put("updatedAt", "last tuesday")));
				cases.put("updatedAt in year 1000000000", envelope("wrong-types",
						(json, h) -> ((ObjectNode) json.get("entry")).put("updatedAt", "+1000000000-12-31T23:59:59Z")));
				cases.put("unknown model", envelope("unknown-type-or-action", (json, h) -> json.put("model", "movie")));
				cases.put("model in upper case",
						envelope("unknown-type-or-action", (json, h) -> json.put("model", "Page")));
				cases.put("unknown event", envelope("unknown-type-or-action",
						(json, h) -> h.header("X-Strapi-Event", "entry.frobnicate")));
				cases.put("media event",
						envelope("unknown-type-or-action", (json, h) -> h.header("X-Strapi-Event", "media.create")));
			}
			default -> throw new IllegalArgumentException(source);
		}
		List<HostileCase> result = new ArrayList<>();
		cases.forEach((name, envelopeCase) -> {
			String id = newId();
			ObjectNode json = envelope(source, id, page(id));
			Hostile request = Hostile.signed(source, json);
			envelopeCase.mutation().accept(json, request);
			result.add(new HostileCase(source, envelopeCase.category(), name, request.body(bytes(json))));
		});
		return result;
	}

	private static EnvelopeCase envelope(String category, BiConsumer<ObjectNode, Hostile> mutation) {
		return new EnvelopeCase(category, mutation);
	}

	// ---- small builders
	// -----------------------------------------------------------------------------------

	static UnaryOperator<ObjectNode> set(String field, String value) {
		return (fields) -> fields.put(field, value);
	}

	static UnaryOperator<ObjectNode> remove(String field) {
		return (fields) -> {
			fields.remove(field);
			return fields;
		};
	}

	static UnaryOperator<ObjectNode> json(String field, String json) {
		return (fields) -> fields.set(field, MarqueeJson.mapper().readTree(json));
	}

	/** Puts the marker where raw bytes (spliced in later) go. */
	static UnaryOperator<ObjectNode> raw(String field, String rawJson) {
		return new RawOperator(set(field, RAW), ascii(rawJson));
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	static UnaryOperator<ObjectNode> raw(String field, byte[] rawJson) {
		return new RawOperator(set(field, RAW), rawJson);
	}

	static UnaryOperator<ObjectNode> element(int index, Consumer<ObjectNode> change) {
		return (fields) -> {
			change.accept((ObjectNode) fields.get("elements").get(index));
			return fields;
		};
	}

	static UnaryOperator<ObjectNode> text(int index, String name, String value) {
		return element(index, (e) -> ((ObjectNode) e.get("text")).put(name, value));
	}

	static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	static byte[] bytes(JsonNode json) {
		return MarqueeJson.mapper().writeValueAsBytes(json);
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

	/** Replaces the JSON string {@code "@@RAW@@"} in a serialized body by raw bytes. */
	static byte[] splice(byte[] body, byte[] raw) {
		byte[] marker = ("\"" + RAW + "\"").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + marker.length <= body.length; i++) {
			if (Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.write(body, 0, i);
				out.writeBytes(raw);
				out.write(body, i + marker.length, body.length - i - marker.length);
				return out.toByteArray();
			}
		}
		throw new IllegalStateException("no " + RAW + " marker in the body");
	}

	/** A field mutation whose value is raw bytes, spliced into the serialized body. */
	record RawOperator(UnaryOperator<ObjectNode> marker, byte[] raw) implements UnaryOperator<ObjectNode> {

		@Override
		public ObjectNode apply(ObjectNode fields) {
			return this.marker.apply(fields);
		}

	}

	/**
	 * One mutation of a page's fields.
	 *
	 * @param category the corpus category
	 * @param name what it does
	 * @param mutation the mutation; a {@link RawOperator} also splices its bytes into the
	 * serialized body
	 */
	record FieldCase(String category, String name, UnaryOperator<ObjectNode> mutation) {

		HostileCase on(String source, HostileWebhookCorpusIntegrationTests corpus) {
			String id = corpus.newId();
			ObjectNode fields = this.mutation.apply(page(id));
			byte[] body = bytes(envelope(source, id, fields));
			if (this.mutation instanceof RawOperator rawOperator) {
				body = splice(body, rawOperator.raw());
			}
			return new HostileCase(source, this.category, this.name, Hostile.signed(source, body));
		}

	}

	record EnvelopeCase(String category, BiConsumer<ObjectNode, Hostile> mutation) {
	}

	/**
	 * One request of the corpus.
	 *
	 * @param source the webhook source
	 * @param category what kind of hostility
	 * @param name what exactly
	 * @param request how to send it
	 */
	record HostileCase(String source, String category, String name, Hostile request) {

		String displayName() {
			return this.source + " / " + this.category + " / " + this.name;
		}

	}

	/**
	 * A webhook request signed the way its source signs, with knobs to break the
	 * signature, the headers or the media type. Timestamps are taken when the request is
	 * built, just before it is sent.
	 */
	static final class Hostile {

		private final String source;

		private byte[] body;

		private byte[] signedBody;

		private String secret;

		private Long timestamp;

		private long timestampOffset;

		private String signedPath;

		private String signedMethod = "POST";

		private boolean chunked;

		private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

		private Hostile(String source, byte[] body) {
			this.source = source;
			this.body = body;
			this.secret = secretOf(source);
			this.signedPath = path(source);
			this.headers.put("Content-Type",
					"contentful".equals(source) ? "application/vnd.contentful.management.v1+json" : "application/json");
			switch (source) {
				case "marquee" -> this.headers.put(MarqueeHeaders.WEBHOOK_DELIVERY_ID, UUID.randomUUID().toString());
				case "contentful" -> {
					this.headers.put("X-Contentful-Topic", "ContentManagement.Entry.publish");
					this.headers.put("X-Contentful-Idempotency-Key", UUID.randomUUID().toString());
					this.headers.put("x-contentful-signed-headers", CONTENTFUL_SIGNED_HEADERS);
				}
				case "sanity" -> {
					this.headers.put("sanity-operation", "update");
					this.headers.put("idempotency-key", UUID.randomUUID().toString());
				}
				case "strapi" -> {
					this.headers.put("X-Strapi-Event", "entry.publish");
					this.headers.put("Authorization", "Bearer " + this.secret);
				}
				default -> throw new IllegalArgumentException(source);
			}
		}

		static Hostile signed(String source, byte[] body) {
			return new Hostile(source, body);
		}

		static Hostile signed(String source, JsonNode body) {
			return new Hostile(source, bytes(body));
		}

		static String secretOf(String source) {
			return switch (source) {
				case "marquee" -> Deliveries.SECRET;
				case "contentful" -> "local-contentful-webhook-secret";
				case "sanity" -> "local-sanity-webhook-secret";
				default -> "local-strapi-webhook-token";
			};
		}

		static String path(String source) {
			return "/webhooks/" + source;
		}

		Hostile body(byte[] body) {
			this.body = body;
			return this;
		}

		Hostile contentType(String contentType) {
			return header("Content-Type", contentType.isEmpty() ? null : contentType);
		}

		Hostile secret(String secret) {
			this.secret = secret;
			return this;
		}

		Hostile timestamp(long timestamp) {
			this.timestamp = timestamp;
			return this;
		}

		Hostile timestampOffset(long offsetMillis) {
			this.timestampOffset = offsetMillis;
			return this;
		}

		Hostile signatureOf(byte[] otherBody) {
			this.signedBody = otherBody;
			return this;
		}

		Hostile signedPath(String path) {
			this.signedPath = path;
			return this;
		}

		Hostile signedMethod(String method) {
			this.signedMethod = method;
			return this;
		}

		Hostile chunked() {
			this.chunked = true;
			return this;
		}

		/**
		 * Sets a header; null removes it (also a signature header that would be
		 * computed).
		 */
		Hostile header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		HttpRequest build(Deliveries deliveries) {
			long t = (this.timestamp != null) ? this.timestamp : System.currentTimeMillis() + this.timestampOffset;
			byte[] signed = (this.signedBody != null) ? this.signedBody : this.body;
			Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			switch (this.source) {
				case "marquee" -> {
					// The delivery id is signed too; a case that drops or garbles it is
					// refused before the signature.
					String deliveryId = this.headers.get(NativeWebhook.DELIVERY_ID);
					all.put(NativeWebhook.SIGNATURE, NativeWebhook.sign(this.secret,
							(deliveryId != null && NativeWebhook.validDeliveryId(deliveryId)) ? deliveryId : "absent",
							t, signed));
				}
				case "sanity" ->
					all.put("sanity-webhook-signature", Deliveries.sanitySignature(this.secret, t, signed));
				case "contentful" -> {
					all.put("x-contentful-timestamp", Long.toString(t));
					String topic = this.headers.get("X-Contentful-Topic");
					all.put("x-contentful-signature", Deliveries.contentfulSignature(this.secret, this.signedMethod,
							this.signedPath, t, (topic != null) ? topic : "", signed));
				}
				default -> {
				}
			}
			all.putAll(this.headers);
			HttpRequest.Builder builder = deliveries.request(path(this.source));
			all.forEach((name, value) -> {
				if (value != null) {
					builder.header(name, value);
				}
			});
			HttpRequest.BodyPublisher publisher = this.chunked
					? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(this.body))
					: HttpRequest.BodyPublishers.ofByteArray(this.body);
			return builder.POST(publisher).build();
		}

	}

}
