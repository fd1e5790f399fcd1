package dev.marquee.ingestion.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.HostileInputs;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.render.CatalogChecks;
import dev.marquee.ingestion.render.InMemoryCatalog;
import dev.marquee.ingestion.render.PageRenderer;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.ingestion.webhook.contentful.ContentfulMapping;
import dev.marquee.ingestion.webhook.marquee.NativeMapping;
import dev.marquee.ingestion.webhook.sanity.SanityMapping;
import dev.marquee.ingestion.webhook.strapi.StrapiMapping;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Whatever JSON a correctly signed delivery carries, each source's mapper turns it into
 * an {@link IncomingChange} or rejects it with a 4xx problem, and what it maps either
 * renders (pages) or is rejected with field-level violations, never with another
 * exception. The inputs are the module's {@code examples/} deliveries with random
 * mutations, and arbitrary JSON objects.
 */
class WebhookMappingPropertiesTests {

	private static final int EXAMPLES = 300;

	// Enough to cut a failing delivery down to what fails, without minutes of shrinking.
	private static final int SHRINK_CYCLES = 200;

	private static final PageRenderer renderer = InMemoryCatalog.renderer();

	private static final InMemoryCatalog catalog = InMemoryCatalog.sample();

	// No document is stored: a deleted entry that names no content type is refused.
	private final ContentfulMapping contentful = new ContentfulMapping((type, id) -> false);

	@Test
	void nativeDeliveriesMapOrAreRejectedWithA4xxProblem() {
		// The native format has no event beside the body: the constant stands in for one.
		mapsOrIsRejected("native", Generate.constant("(none)"),
				(body, none) -> NativeMapping.toChange(body, "delivery-1", bytes(body)));
	}

	@Test
	void contentfulDeliveriesMapOrAreRejectedWithA4xxProblem() {
		mapsOrIsRejected("contentful", contentfulTopics(),
				(body, topic) -> this.contentful.toChange(topic, body, "delivery-1", bytes(body)));
	}

	@Test
	void sanityDeliveriesMapOrAreRejectedWithA4xxProblem() {
		mapsOrIsRejected("sanity", sanityOperations(),
				(body, operation) -> SanityMapping.toChange(operation, body, "delivery-1", bytes(body)));
	}

	@Test
	void strapiDeliveriesMapOrAreRejectedWithA4xxProblem() {
		mapsOrIsRejected("strapi", strapiEvents(),
				(body, event) -> StrapiMapping.toChange(event, body, "delivery-1", bytes(body)));
	}

	/**
	 * For mutated deliveries of a source under any of its events (topic, operation), the
	 * mapping passes.
	 */
	private static void mapsOrIsRejected(String source, Gen<String> events,
			BiFunction<JsonNode, String, IncomingChange> mapper) {
		qt().withExamples(EXAMPLES)
			.withShrinkCycles(SHRINK_CYCLES)
			.forAll(deliveries(source), events)
			.checkAssert((body, event) -> mapsOrIsRejected(() -> mapper.apply(body, event)));
	}

	/**
	 * What the service does with a verified delivery, short of the stores: map, read the
	 * fields, render.
	 */
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
				assertThat(ex.violations()).isNotEmpty()
					.allSatisfy((violation) -> assertThat(violation.field()).isNotBlank());
			}
		}
		else {
			assertThat(CatalogChecks.check(fields))
				.allSatisfy((violation) -> assertThat(violation.field()).isNotBlank());
		}
	}

	private static Gen<String> contentfulTopics() {
		return Generate.pick(List.of("ContentManagement.Entry.publish", "ContentManagement.Entry.save",
				"ContentManagement.Entry.auto_save", "ContentManagement.Entry.create",
				"ContentManagement.Entry.unpublish", "ContentManagement.Entry.archive",
				"ContentManagement.Entry.delete", "ContentManagement.Asset.publish", "ContentManagement.Asset.delete",
				"ContentManagement.Entry", "ContentManagement.ContentType.publish", "a.b.c.d", "", ".", ".."));
	}

	private static Gen<String> sanityOperations() {
		return Generate.pick(List.of("create", "update", "delete", "patch", ""));
	}

	private static Gen<String> strapiEvents() {
		return Generate.pick(List.of("entry.create", "entry.update", "entry.publish", "entry.unpublish", "entry.delete",
				"entry.draft-discard", "media.create", ""));
	}

	/** Mutated examples of one source (mostly), or any JSON object. */
	private static Gen<JsonNode> deliveries(String source) {
		return Generate.frequency(Pair.of(5, HostileInputs.mutated(examples(source))),
				Pair.of(1, HostileInputs.jsonObject(3)));
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
