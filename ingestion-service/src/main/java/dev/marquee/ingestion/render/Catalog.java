package dev.marquee.ingestion.render;

import java.util.Optional;

import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;

/**
 * The titles, talent and assets one stage of a page is hydrated from.
 */
public interface Catalog {

	Optional<TitleFields> title(String id);

	Optional<TalentFields> talent(String id);

	Optional<AssetFields> asset(String id);

}
