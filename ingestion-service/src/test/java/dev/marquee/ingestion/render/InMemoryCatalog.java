package dev.marquee.ingestion.render;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.sample.SampleContentGenerator;

/**
 * A catalog built from native deliveries, for rendering without a store (public for the
 * webhook package's property tests).
 */
public final class InMemoryCatalog implements Catalog {

	private final Map<String, JsonNode> documents = new HashMap<>();

	/**
	 * The sample content's assets, talent and titles ({@code asset-001},
	 * {@code talent-001}, {@code title-001}, ...).
	 * @return a new catalog
	 */
	public static InMemoryCatalog sample() {
		return new InMemoryCatalog().add(SampleContentGenerator.files().get("01-assets.json"))
			.add(SampleContentGenerator.files().get("02-talent.json"))
			.add(SampleContentGenerator.files().get("03-titles.json"));
	}

	public InMemoryCatalog add(List<String> deliveries) {
		for (String delivery : deliveries) {
			JsonNode json = MarqueeJson.mapper().readTree(delivery);
			this.documents.put(json.get("type").asString() + ":" + json.get("id").asString(), json.get("fields"));
		}
		return this;
	}

	InMemoryCatalog remove(String type, String id) {
		this.documents.remove(type + ":" + id);
		return this;
	}

	@Override
	public Optional<TitleFields> title(String id) {
		return find("title", id, TitleFields.class);
	}

	@Override
	public Optional<TalentFields> talent(String id) {
		return find("talent", id, TalentFields.class);
	}

	@Override
	public Optional<AssetFields> asset(String id) {
		return find("asset", id, AssetFields.class);
	}

	private <T> Optional<T> find(String type, String id, Class<T> fieldsType) {
		return Optional.ofNullable(this.documents.get(type + ":" + id))
			.map((fields) -> MarqueeJson.mapper().treeToValue(fields, fieldsType));
	}

	public static PageRenderer renderer() {
		return new PageRenderer(new Templates(), properties());
	}

	public static IngestionProperties properties() {
		return new IngestionProperties(new IngestionProperties.Security("a", "e", "s"),
				new IngestionProperties.Webhooks(DataSize.ofMegabytes(1), Duration.ofMinutes(5), Duration.ofSeconds(30),
						"m", "c", "s", "t"),
				new IngestionProperties.WritePaths(Set.of(IngestionProperties.WritePath.KAFKA),
						new IngestionProperties.Kafka(Duration.ofSeconds(10)),
						new IngestionProperties.Hollow(URI.create("http://127.0.0.1:8083"), Duration.ofSeconds(2),
								Duration.ofSeconds(15))),
				new IngestionProperties.Cdn("https://cdn.test/img/", List.of(320, 640, 1280, 1920)));
	}

}
