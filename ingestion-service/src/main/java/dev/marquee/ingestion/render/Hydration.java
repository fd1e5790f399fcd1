package dev.marquee.ingestion.render;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Dependency;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.model.Image;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

/**
 * The hydration of one rendering: references become content from the stage's catalog
 * (asset ids → CDN images, title and talent ids → cards, placeholders → text). It records
 * every document it looked up as a dependency, also one it did not find, so the page is
 * rendered again when that document changes, and every missing one as a reference
 * violation.
 */
final class Hydration {

	final Catalog catalog;

	final Set<Dependency> dependencies = new LinkedHashSet<>();

	final List<Violation> violations;

	private final CdnImages images;

	Hydration(Catalog catalog, CdnImages images, List<Violation> violations) {
		this.catalog = catalog;
		this.images = images;
		this.violations = violations;
	}

	/** A text with its placeholders resolved ({@link Placeholders}). */
	String text(String value, String field) {
		return Placeholders.resolve(value, field, this);
	}

	@Nullable TitleCard titleCard(String id, String field) {
		this.dependencies.add(new Dependency(ContentType.TITLE, id));
		Optional<TitleFields> found = this.catalog.title(id);
		if (found.isEmpty()) {
			this.violations.add(Violation.reference(field, "title '" + id + "' does not exist"));
			return null;
		}
		TitleFields title = found.get();
		Image artwork = null;
		if (!blank(title.artworkAssetId())) {
			artwork = image(title.artworkAssetId(), field + ".artworkAssetId");
		}
		return new TitleCard(id, nullToEmpty(title.name()), nullToEmpty(title.synopsis()),
				nullToEmpty(title.maturityRating()), title.genresOrEmpty(), artwork);
	}

	@Nullable TalentCard talentCard(String id, String field) {
		this.dependencies.add(new Dependency(ContentType.TALENT, id));
		Optional<TalentFields> found = this.catalog.talent(id);
		if (found.isEmpty()) {
			this.violations.add(Violation.reference(field, "talent '" + id + "' does not exist"));
			return null;
		}
		TalentFields talent = found.get();
		Image headshot = null;
		if (!blank(talent.headshotAssetId())) {
			headshot = image(talent.headshotAssetId(), field + ".headshotAssetId");
		}
		return new TalentCard(id, nullToEmpty(talent.name()), headshot);
	}

	@Nullable Image image(String assetId, String field) {
		this.dependencies.add(new Dependency(ContentType.ASSET, assetId));
		Optional<AssetFields> asset = this.catalog.asset(assetId);
		if (asset.isEmpty()) {
			this.violations.add(Violation.reference(field, "asset '" + assetId + "' does not exist"));
			return null;
		}
		return this.images.image(assetId, asset.get());
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
