package dev.marquee.ingestion.content;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.render.Catalog;
import dev.marquee.ingestion.store.WriteStore;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * The catalog of one stage as the write-side store holds it, memoized for one rendering pass.
 */
class StoreCatalog implements Catalog {

	private final WriteStore store;

	private final Stage stage;

	private final Map<String, Optional<?>> cache = new HashMap<>();

	StoreCatalog(WriteStore store, Stage stage) {
		this.store = store;
		this.stage = stage;
	}

	@Override
	public Optional<TitleFields> title(String id) {
		return find(ContentType.TITLE, id, TitleFields.class);
	}

	@Override
	public Optional<TalentFields> talent(String id) {
		return find(ContentType.TALENT, id, TalentFields.class);
	}

	@Override
	public Optional<AssetFields> asset(String id) {
		return find(ContentType.ASSET, id, AssetFields.class);
	}

	@SuppressWarnings("unchecked")
	private <T> Optional<T> find(ContentType type, String id, Class<T> fieldsType) {
		return (Optional<T>) this.cache.computeIfAbsent(type.wireName() + ":" + id, (key) -> this.store
			.document(type, id, this.stage)
			.map((document) -> MarqueeJson.mapper().readValue(document.body(), fieldsType)));
	}

}
