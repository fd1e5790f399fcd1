package dev.marquee.ingestion.content;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of each content type in Marquee's native format (see the module README and
 * {@code schema/marquee-webhook.schema.json}); every other CMS's documents are mapped
 * onto these.
 */
public final class Documents {

	private Documents() {
	}

	/**
	 * A page.
	 *
	 * @param slug URL path segment, unique per stage
	 * @param template {@code home}, {@code article} or {@code title-hub}
	 * @param title the page title
	 * @param summary short description
	 * @param elements the sections, in order
	 */
	public record PageFields(@Nullable String slug, @Nullable String template, @Nullable String title,
			@Nullable String summary, @Nullable List<ElementFields> elements) {

		public List<ElementFields> elementsOrEmpty() {
			return (this.elements != null) ? this.elements : List.of();
		}

	}

	/**
	 * One section of a page before hydration.
	 *
	 * @param id stable id, unique within the page
	 * @param type an {@code ElementType} name, e.g. {@code HERO}
	 * @param text named text fields; may contain {@code {{title:ID.field}}} and
	 * {@code {{talent:ID.name}}}
	 * @param assetIds images by asset id
	 * @param titleIds catalog titles by id
	 * @param talentIds people by id
	 */
	public record ElementFields(@Nullable String id, @Nullable String type, @Nullable Map<String, String> text,
			@Nullable List<String> assetIds, @Nullable List<String> titleIds, @Nullable List<String> talentIds) {

		public Map<String, String> textOrEmpty() {
			return (this.text != null) ? this.text : Map.of();
		}

		public List<String> assetIdsOrEmpty() {
			return (this.assetIds != null) ? this.assetIds : List.of();
		}

		public List<String> titleIdsOrEmpty() {
			return (this.titleIds != null) ? this.titleIds : List.of();
		}

		public List<String> talentIdsOrEmpty() {
			return (this.talentIds != null) ? this.talentIds : List.of();
		}

	}

	/**
	 * A catalog title.
	 *
	 * @param name the title's name
	 * @param synopsis short synopsis
	 * @param maturityRating e.g. {@code TV-MA}
	 * @param genres genre names
	 * @param artworkAssetId the asset of its artwork
	 */
	public record TitleFields(@Nullable String name, @Nullable String synopsis, @Nullable String maturityRating,
			@Nullable List<String> genres, @Nullable String artworkAssetId) {

		public List<String> genresOrEmpty() {
			return (this.genres != null) ? this.genres : List.of();
		}

	}

	/**
	 * A person.
	 *
	 * @param name the person's name
	 * @param headshotAssetId the asset of their headshot
	 */
	public record TalentFields(@Nullable String name, @Nullable String headshotAssetId) {
	}

	/**
	 * An image asset.
	 *
	 * @param file the path of the file on the CDN, e.g. {@code titles/a1.jpg}
	 * @param width width in pixels
	 * @param height height in pixels
	 * @param mimeType e.g. {@code image/jpeg}
	 * @param altText text for readers who cannot see it
	 * @param focalPoint where to keep the subject when cropping (0–1 each); the centre if
	 * absent
	 */
	public record AssetFields(@Nullable String file, int width, int height, @Nullable String mimeType,
			@Nullable String altText, @Nullable FocalPoint focalPoint) {
	}

	/**
	 * A focal point.
	 *
	 * @param x 0 (left) to 1 (right)
	 * @param y 0 (top) to 1 (bottom)
	 */
	public record FocalPoint(double x, double y) {
	}

}
