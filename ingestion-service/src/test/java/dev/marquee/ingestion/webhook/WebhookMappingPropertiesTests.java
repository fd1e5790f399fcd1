package dev.marquee.ingestion.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.HostileInputs;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.content.Ingestion;
import dev.marquee.ingestion.render.InMemoryCatalog;
import dev.marquee.ingestion.render.PageRenderer;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.store.WriteStore;
import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Whatever JSON a correctly signed delivery carries, each source's mapper turns it into an
 * {@link IncomingChange} or rejects it with a 4xx problem, and what it maps either renders (pages) or is
 * rejected with field-level violations, never with another exception. The inputs are the module's
 * {@code examples/} deliveries with random mutations, and arbitrary JSON objects.
 */
class WebhookMappingPropertiesTests {

	private static final PageRenderer renderer = InMemoryCatalog.renderer();

	private static final InMemoryCatalog catalog = InMemoryCatalog.sample();

	private final ContentfulWebhookController contentful = new ContentfulWebhookController(
			new WebhookRequests(InMemoryCatalog.properties()), mock(Ingestion.class), mock(WriteStore.class),
			InMemoryCatalog.properties(), Clock.systemUTC());

	@Property(tries = 300)
	void nativeDeliveriesMapOrAreRejectedWithA4xxProblem(@ForAll("native") JsonNode body) {
		mapsOrIsRejected(() -> NativeWebhookController.toChange(body, "delivery-1", bytes(body)));
	}

	@Property(tries = 300)
	void contentfulDeliveriesMapOrAreRejectedWithA4xxProblem(@ForAll("contentful") JsonNode body,
			@ForAll("contentfulTopics") String topic) {
		mapsOrIsRejected(() -> this.contentful.toChange(topic, body, "delivery-1", bytes(body)));
	}

	@Property(tries = 300)
	void sanityDeliveriesMapOrAreRejectedWithA4xxProblem(@ForAll("sanity") JsonNode body,
			@ForAll("sanityOperations") String operation) {
		mapsOrIsRejected(() -> SanityWebhookController.toChange(operation, body, "delivery-1", bytes(body)));
	}

	@Property(tries = 300)
	void strapiDeliveriesMapOrAreRejectedWithA4xxProblem(@ForAll("strapi") JsonNode body,
			@ForAll("strapiEvents") String event) {
		mapsOrIsRejected(() -> StrapiWebhookController.toChange(event, body, "delivery-1", bytes(body)));
	}

	/** What the service does with a verified delivery, short of the stores: map, read the fields, render. */
	private static void mapsOrIsRejected(Supplier<IncomingChange> mapping) {
		IncomingChange change;
		try {
			change = mapping.get();
		}
		catch (ProblemException ex) {
			assertThat(ex.status().is4xxClientError()).as(ex.getMessage()).isTrue();
			return;
		}
		assertThat(change.documentId()).isNotBlank().hasSizeLessThanOrEqualTo(200);
		if (change.action().isRemoval()) {
			return;
		}
		assertThat(change.fields()).isNotNull();
		Class<?> fieldsType = switch (change.type()) {
			case PAGE -> PageFields.class;
			case TITLE -> TitleFields.class;
			case TALENT -> TalentFields.class;
			case ASSET -> AssetFields.class;
		};
		Object fields;
		try {
			fields = MarqueeJson.mapper().treeToValue(change.fields(), fieldsType);
		}
		catch (JacksonException ex) {
			return; // Ingestion answers 422: the fields do not match the content type
		}
		if (fields instanceof PageFields page) {
			try {
				renderer.render(change.documentId(), page, Stage.PREVIEW, catalog,
						new PageRenderer.Context(1, 1, Instant.EPOCH, "trace"));
			}
			catch (RenderException ex) {
				assertThat(ex.violations()).isNotEmpty().allSatisfy((violation) -> assertThat(violation.field()).isNotBlank());
			}
		}
		else {
			assertThat(PageRenderer.checkCatalog(change.type(), fields)).allSatisfy(
					(violation) -> assertThat(violation.field()).isNotBlank());
		}
	}

	@Provide("native")
	Arbitrary<JsonNode> nativeBodies() {
		return deliveries("native");
	}

	@Provide("contentful")
	Arbitrary<JsonNode> contentfulBodies() {
		return deliveries("contentful");
	}

	@Provide("sanity")
	Arbitrary<JsonNode> sanityBodies() {
		return deliveries("sanity");
	}

	@Provide("strapi")
	Arbitrary<JsonNode> strapiBodies() {
		return deliveries("strapi");
	}

	@Provide
	Arbitrary<String> contentfulTopics() {
		return Arbitraries.of("ContentManagement.Entry.publish", "ContentManagement.Entry.save",
				"ContentManagement.Entry.auto_save", "ContentManagement.Entry.create", "ContentManagement.Entry.unpublish",
				"ContentManagement.Entry.archive", "ContentManagement.Entry.delete", "ContentManagement.Asset.publish",
				"ContentManagement.Asset.delete", "ContentManagement.Entry", "ContentManagement.ContentType.publish",
				"a.b.c.d", "", ".", "..");
	}

	@Provide
	Arbitrary<String> sanityOperations() {
		return Arbitraries.of("create", "update", "delete", "patch", "");
	}

	@Provide
	Arbitrary<String> strapiEvents() {
		return Arbitraries.of("entry.create", "entry.update", "entry.publish", "entry.unpublish", "entry.delete",
				"entry.draft-discard", "media.create", "");
	}

	/** Mutated examples of one source (mostly), or any JSON object. */
	private static Arbitrary<JsonNode> deliveries(String source) {
		Arbitrary<JsonNode> anyObject = HostileInputs.json(3).filter(JsonNode::isObject);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, HostileInputs.mutated(examples(source))),
				net.jqwik.api.Tuple.of(1, anyObject));
	}

	/** The module's example deliveries of a source ({@code examples/<source>/*.json}). */
	static List<JsonNode> examples(String source) {
		try (Stream<Path> files = Files.list(Path.of("examples", source))) {
			List<JsonNode> examples = files.filter((file) -> file.toString().endsWith(".json"))
				.sorted()
				.map((file) -> MarqueeJson.mapper().readTree(file.toFile()))
				.toList();
			assertThat(examples).isNotEmpty();
			return examples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(JsonNode body) {
		return MarqueeJson.mapper().writeValueAsBytes(body);
	}

}
