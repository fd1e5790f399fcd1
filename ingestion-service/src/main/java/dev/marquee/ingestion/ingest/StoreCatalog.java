package dev.marquee.ingestion.ingest;

import java.util.Optional;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.render.Catalog;
import dev.marquee.model.Stage;

/**
 * The catalog of one stage as the write-side store holds it, read through the shared
 * {@link CatalogCache}.
 */
class StoreCatalog implements Catalog {

	private final CatalogCache cache;

	private final Stage stage;

	StoreCatalog(CatalogCache cache, Stage stage) {
		this.cache = cache;
		this.stage = stage;
	}

	@Override
	public Optional<TitleFields> title(String id) {
		return this.cache.find(ContentType.TITLE, id, this.stage, TitleFields.class);
	}

	@Override
	public Optional<TalentFields> talent(String id) {
		return this.cache.find(ContentType.TALENT, id, this.stage, TalentFields.class);
	}

	@Override
	public Optional<AssetFields> asset(String id) {
		return this.cache.find(ContentType.ASSET, id, this.stage, AssetFields.class);
	}

}
