package dev.marquee.ingestion;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.ingestion.HostileWebhookCorpusIntegrationTests.Hostile;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.PageChanged;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Content integrity, the hostile way and for every source: correctly signed deliveries
 * that try to take another page's slug, change a document another source owns, resurrect
 * a removed page with a retried publish, freeze a page with an implausible version, or
 * reuse a delivery id for another body. Each case first sets the scene with accepted
 * deliveries, then sends the attack: it must get the expected answer (409 or 422
 * problem+json of a stable type, or 200 ignored / duplicate) and publish nothing.
 * Afterwards no page the corpus refused reached Kafka.
 *
 * <p>
 * A corpus of its own beside {@link HostileWebhookCorpusIntegrationTests}, whose requests
 * must all be refused outright; these need accepted deliveries first.
 */
class ContentIntegrityCorpusIntegrationTests extends IngestionIntegrationTestSupport {

	static final List<String> SOURCES = HostileWebhookCorpusIntegrationTests.SOURCES;

	static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private int next;

	// Pages no accepted delivery ever published: none of them may reach a write path.
	private final Set<String> neverPublished = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> tally = new ConcurrentHashMap<>();

	@TestFactory
	Stream<DynamicTest> everyIntegrityAttackIsAnsweredAsExpectedAndPublishesNothing() {
		List<IntegrityCase> corpus = new ArrayList<>();
		for (String source : SOURCES) {
			corpus.addAll(slugCases(source));
			corpus.addAll(ownershipCases(source));
			corpus.addAll(resurrectionCases(source));
			corpus.addAll(versionCases(source));
			corpus.addAll(deliveryCases(source));
		}
		Stream<DynamicTest> cases = corpus.stream().map((c) -> dynamicTest(c.displayName(), () -> check(c)));
		Stream<DynamicTest> after = Stream.of(
				dynamicTest("the corpus covers every class for every source", () -> covers(corpus)),
				dynamicTest("no page the corpus refused reached the hollow producer or Kafka", this::nothingPublished),
				dynamicTest("summary per category, source and status", this::printSummary));
		return Stream.concat(cases, after);
	}

	private void check(IntegrityCase integrityCase) {
		Deliveries deliveries = deliveries();
		for (Hostile step : integrityCase.setup()) {
			HttpResponse<String> accepted = deliveries.send(step.build(deliveries));
			assertThat(accepted.statusCode()).as("setup of %s: %s", integrityCase.displayName(), accepted.body())
				.isEqualTo(200);
		}
		int before = changesOf(integrityCase.pages());
		HttpResponse<String> answer = deliveries.send(integrityCase.attack().build(deliveries));
		this.tally.merge(integrityCase.category() + "|" + integrityCase.source() + "|" + answer.statusCode(), 1,
				Integer::sum);
		System.out.println("integrity " + answer.statusCode() + " " + integrityCase.displayName());
		assertThat(answer.statusCode()).as("%s answered %s", integrityCase.displayName(), answer.body())
			.isEqualTo(integrityCase.status());
		JsonNode body = MarqueeJson.mapper().readTree(answer.body());
		if (integrityCase.status() >= 400) {
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(body.path("type").asString(""))
				.isEqualTo("https://marquee.dev/problems/" + integrityCase.expected());
			assertThat(body.path("status").asInt(0)).isEqualTo(integrityCase.status());
		}
		else {
			assertThat(body.path(integrityCase.expected()).asBoolean(false)).as(answer.body()).isTrue();
		}
		assertThat(changesOf(integrityCase.pages())).as("nothing published by the attack").isEqualTo(before);
		integrityCase.then().accept(body);
	}

	private static int changesOf(List<String> pages) {
		return pages.stream().mapToInt((page) -> hollow.changesOf(page).size()).sum();
	}

	private void covers(List<IntegrityCase> corpus) {
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
		for (String source : SOURCES) {
			assertThat(corpus).filteredOn((c) -> c.source().equals(source))
				.extracting(IntegrityCase::category)
				.contains("slug-taken", "owned-by-other-source", "resurrection", "implausible-version");
		}
	}

	private void nothingPublished() {
		assertThat(this.neverPublished).hasSizeGreaterThan(20);
		assertThat(hollow.changes()).noneMatch((change) -> this.neverPublished.contains(change.pageId()));
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
		assertThat(keys).doesNotContainAnyElementsOf(this.neverPublished);
	}

	private void printSummary() {
		Map<String, Map<String, Integer>> rows = new TreeMap<>();
		this.tally.forEach((key, count) -> {
			String[] parts = key.split("\\|");
			rows.computeIfAbsent(parts[0], (category) -> new TreeMap<>())
				.merge(parts[1] + " " + parts[2], count, Integer::sum);
		});
		StringBuilder table = new StringBuilder("\nContent integrity corpus\n");
		rows.forEach((category, counts) -> table.append(String.format("%-24s %s%n", category, counts)));
		System.out.println(table);
		assertThat(rows).isNotEmpty();
	}

	// ---- the corpus
	// -------------------------------------------------------------------------------------

	private String newId(String what) {
		return "integrity-" + this.run + "-" + what + "-" + (++this.next);
	}

	private String refused(String what) {
		String id = newId(what);
		this.neverPublished.add(id);
		return id;
	}

	/**
	 * One page of a source under a slug, published at a version (an instant of that many
	 * seconds for Sanity).
	 */
	static Hostile publish(String source, String id, String slug, long version) {
		return Hostile.signed(source, versioned(source, envelope(source, id, slug), version));
	}

	/**
	 * A retry of a delivery under a new delivery id. Strapi's delivery id is the hash of
	 * event and body, so its retry differs in a byte the mapping ignores.
	 */
	static Hostile retried(String source, Hostile delivery, ObjectNode json) {
		if ("strapi".equals(source)) {
			json.put("createdAt", "2026-01-01T00:00:00Z");
			delivery.body(Deliveries.utf8(json.toString()));
		}
		return delivery;
	}

	static Hostile retriedPublish(String source, String id, String slug, long version) {
		ObjectNode json = versioned(source, envelope(source, id, slug), version);
		return retried(source, Hostile.signed(source, json), json);
	}

	/** The same page as a draft (preview only). */
	static Hostile draft(String source, String id, String slug, long version) {
		return draft(source, id, slug, version, false);
	}

	static Hostile draft(String source, String id, String slug, long version, boolean retry) {
		ObjectNode json = versioned(source, envelope(source, id, slug), version);
		if (retry && "strapi".equals(source)) {
			json.put("createdAt", "2026-01-01T00:00:00Z");
		}
		Hostile draft = Hostile.signed(source, json);
		switch (source) {
			case "marquee" -> json.put("action", "draft");
			case "contentful" -> draft.header("X-Contentful-Topic", "ContentManagement.Entry.save");
			case "sanity" -> json.put("_id", "drafts." + id);
			default -> {
				json.put("event", "entry.update");
				((ObjectNode) json.get("entry")).putNull("publishedAt");
				draft.header("X-Strapi-Event", "entry.update");
			}
		}
		return draft.body(Deliveries.utf8(json.toString()));
	}

	/**
	 * A delete in the source's own format (native: versioned; the others carry no
	 * comparable version).
	 */
	static Hostile delete(String source, String id, long version) {
		return switch (source) {
			case "marquee" ->
				Hostile.signed(source, Deliveries.utf8(Deliveries.removal("page", id, "delete", (int) version)));
			case "contentful" -> Hostile.signed(source, Deliveries.utf8("""
					{"sys":{"id":"%s","type":"DeletedEntry","contentType":{"sys":{"id":"page"}}}}""".formatted(id)))
				.header("X-Contentful-Topic", "ContentManagement.Entry.delete");
			case "sanity" -> Hostile.signed(source, Deliveries.utf8("""
					{"_id":"%s","_type":"page"}""".formatted(id))).header("sanity-operation", "delete");
			default -> Hostile.signed(source, Deliveries.utf8("""
					{"event":"entry.delete","model":"page","uid":"api::page.page","entry":{"documentId":"%s"}}"""
				.formatted(id))).header("X-Strapi-Event", "entry.delete");
		};
	}

	private static ObjectNode envelope(String source, String id, String slug) {
		return HostileWebhookCorpusIntegrationTests.envelope(source, id,
				HostileWebhookCorpusIntegrationTests.page(id).put("slug", slug));
	}

	private static ObjectNode versioned(String source, ObjectNode json, long version) {
		return rawVersion(source, json, Long.toString(version), BASE.plusSeconds(version).toString());
	}

	/**
	 * Sets the version: a number for native and Contentful, an instant for Sanity and
	 * Strapi.
	 */
	private static ObjectNode rawVersion(String source, ObjectNode json, String number, String instant) {
		switch (source) {
			case "marquee" -> json.set("version", MarqueeJson.mapper().readTree(number));
			case "contentful" -> ((ObjectNode) json.get("sys")).set("version", MarqueeJson.mapper().readTree(number));
			case "sanity" -> json.put("_updatedAt", instant);
			default -> ((ObjectNode) json.get("entry")).put("updatedAt", instant).put("publishedAt", instant);
		}
		return json;
	}

	private List<IntegrityCase> slugCases(String source) {
		List<IntegrityCase> cases = new ArrayList<>();
		String category = "slug-taken";
		String owner = newId("owner");
		String intruder = refused("intruder");
		cases.add(new IntegrityCase(source, category, "publish under a live page's slug",
				List.of(publish("marquee", owner, owner, 1)), publish(source, intruder, owner, 1), 409, category,
				List.of(owner, intruder), ownerNamed(owner)));
		String draftOwner = newId("owner");
		String draftIntruder = refused("intruder");
		cases.add(new IntegrityCase(source, category, "draft under a live page's slug",
				List.of(publish("marquee", draftOwner, draftOwner, 1)), draft(source, draftIntruder, draftOwner, 1),
				409, category, List.of(draftOwner, draftIntruder), ownerNamed(draftOwner)));
		String renamer = newId("renamer");
		String renamedTo = newId("renamed");
		String renameIntruder = refused("intruder");
		cases.add(new IntegrityCase(source, category, "publish under the slug a page renamed to",
				List.of(publish("marquee", renamer, renamer, 1), publish("marquee", renamer, renamedTo, 2)),
				publish(source, renameIntruder, renamedTo, 1), 409, category, List.of(renamer, renameIntruder),
				ownerNamed(renamer)));
		String unpublished = newId("unpublished");
		String previewIntruder = refused("intruder");
		cases.add(new IntegrityCase(source, category, "draft under an unpublished page's slug (its preview holds it)",
				List.of(publish("marquee", unpublished, unpublished, 1),
						Hostile.signed("marquee",
								Deliveries.utf8(Deliveries.removal("page", unpublished, "unpublish", 2)))),
				draft(source, previewIntruder, unpublished, 3), 409, category, List.of(unpublished, previewIntruder),
				ownerNamed(unpublished)));
		String self = newId("self");
		String selfIntruder = refused("intruder");
		cases.add(new IntegrityCase(source, category, "publish under the slug of a page of the same source",
				List.of(publish(source, self, self, 1)), publish(source, selfIntruder, self, 1), 409, category,
				List.of(self, selfIntruder), ownerNamed(self)));
		return cases;
	}

	private List<IntegrityCase> ownershipCases(String source) {
		List<IntegrityCase> cases = new ArrayList<>();
		String category = "owned-by-other-source";
		String owningSource = "marquee".equals(source) ? "strapi" : "marquee";
		String expected = "document-owned-by-other-source";
		for (String action : List.of("publish", "draft", "delete")) {
			String id = newId("owned");
			Hostile attack = switch (action) {
				case "publish" -> publish(source, id, id, 1_000);
				case "draft" -> draft(source, id, id, 1_000);
				default -> delete(source, id, 1_000);
			};
			cases.add(new IntegrityCase(source, category, action + " of a document " + owningSource + " created",
					List.of(publish(owningSource, id, id, 1)), attack, 409, expected, List.of(id),
					(problem) -> assertThat(problem.path("owner").asString()).isEqualTo(owningSource)));
		}
		return cases;
	}

	private List<IntegrityCase> resurrectionCases(String source) {
		List<IntegrityCase> cases = new ArrayList<>();
		String category = "resurrection";
		String id = newId("removed");
		cases.add(new IntegrityCase(source, category, "retried publish after a delete, new delivery id",
				List.of(publish(source, id, id, 5), delete(source, id, 5)), retriedPublish(source, id, id, 5), 200,
				"ignored", List.of(id), removed(id)));
		String older = newId("removed");
		cases.add(new IntegrityCase(source, category, "older publish after a delete",
				List.of(publish(source, older, older, 5), delete(source, older, 6)), publish(source, older, older, 4),
				200, "ignored", List.of(older), removed(older)));
		String drafted = newId("removed");
		cases.add(new IntegrityCase(source, category, "retried draft after a delete",
				List.of(draft(source, drafted, drafted, 5), delete(source, drafted, 5)),
				draft(source, drafted, drafted, 5, true), 200, "ignored", List.of(drafted), (body) -> {
				}));
		return cases;
	}

	private List<IntegrityCase> versionCases(String source) {
		List<IntegrityCase> cases = new ArrayList<>();
		String category = "implausible-version";
		boolean instants = "sanity".equals(source) || "strapi".equals(source);
		Map<String, String[]> versions = new TreeMap<>();
		versions.put("Long.MAX", new String[] { Long.toString(Long.MAX_VALUE), "+290000-01-01T00:00:00Z" });
		versions.put("2^53", new String[] { Long.toString(1L << 53), "2400-01-01T00:00:00Z" });
		versions.put("epoch nanoseconds", new String[] { "1767225600000000000", "+100000-01-01T00:00:00Z" });
		versions.forEach((name, value) -> {
			String fresh = refused("frozen");
			cases.add(new IntegrityCase(source, category, name + " on a new page", List.of(),
					Hostile.signed(source, rawVersion(source, envelope(source, fresh, fresh), value[0], value[1])), 422,
					"invalid-document", List.of(fresh), versionField()));
			String live = newId("frozen");
			cases.add(new IntegrityCase(source, category, name + " on a live page",
					List.of(publish(source, live, live, 1)),
					Hostile.signed(source, rawVersion(source, envelope(source, live, live), value[0], value[1])), 422,
					"invalid-document", List.of(live), versionField()));
		});
		if (!instants) {
			String negative = refused("frozen");
			cases.add(new IntegrityCase(source, category, "negative version", List.of(),
					Hostile.signed(source, rawVersion(source, envelope(source, negative, negative), "-5", "")), 422,
					"invalid-document", List.of(negative), (body) -> {
					}));
		}
		return cases;
	}

	private List<IntegrityCase> deliveryCases(String source) {
		List<IntegrityCase> cases = new ArrayList<>();
		if ("strapi".equals(source)) {
			return cases; // Strapi sends no delivery id: the id is the hash of event and
							// body.
		}
		String header = switch (source) {
			case "marquee" -> MarqueeHeaders.WEBHOOK_DELIVERY_ID;
			case "contentful" -> "X-Contentful-Idempotency-Key";
			default -> "idempotency-key";
		};
		String id = newId("delivery");
		String deliveryId = newId("delivery-id");
		cases.add(new IntegrityCase(source, "delivery-id-reused", "same delivery id, another body",
				List.of(publish(source, id, id, 1).header(header, deliveryId)),
				publish(source, id, id, 2).header(header, deliveryId), 409, "delivery-id-reused", List.of(id),
				(body) -> assertThat(hollow.changesOf(id))
					.allMatch((c) -> c.page() == null || c.page().sourceVersion() == versionOf(source, 1))));
		String same = newId("delivery");
		String sameId = newId("delivery-id");
		Hostile original = publish(source, same, same, 1).header(header, sameId);
		cases.add(new IntegrityCase(source, "delivery-id-reused", "same delivery id, same body (a retry)",
				List.of(original), publish(source, same, same, 1).header(header, sameId), 200, "duplicate",
				List.of(same), (body) -> {
				}));
		return cases;
	}

	private static long versionOf(String source, long version) {
		return ("sanity".equals(source) || "strapi".equals(source))
				? BASE.plusSeconds(version).getEpochSecond() * 1_000_000L : version;
	}

	private static Consumer<JsonNode> ownerNamed(String owner) {
		return (problem) -> assertThat(problem.path("owner").asString()).isEqualTo(owner);
	}

	private static Consumer<JsonNode> versionField() {
		return (problem) -> assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("version");
	}

	private static Consumer<JsonNode> removed(String page) {
		return (body) -> {
			List<PageChanged> published = hollow.changesOf(page)
				.stream()
				.filter((change) -> change.stage() == Stage.PUBLISHED)
				.toList();
			assertThat(published).isNotEmpty();
			assertThat(published.get(published.size() - 1).kind()).isEqualTo(ChangeKind.DELETED);
		};
	}

	/**
	 * One attack of the corpus.
	 *
	 * @param source the attacking source
	 * @param category the integrity class
	 * @param name what exactly
	 * @param setup accepted deliveries that set the scene, in order
	 * @param attack the delivery under test
	 * @param status the status it must get
	 * @param expected the problem type slug for a 4xx; for a 200 the member of the answer
	 * that must be true
	 * @param pages the pages on which the attack must publish nothing
	 * @param then further checks of the answer's body
	 */
	record IntegrityCase(String source, String category, String name, List<Hostile> setup, Hostile attack, int status,
			String expected, List<String> pages, Consumer<JsonNode> then) {

		String displayName() {
			return this.source + " / " + this.category + " / " + this.name;
		}

	}

}
