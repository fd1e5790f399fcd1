package dev.marquee.model;

/**
 * The kinds of page element a template can allow. Each renders from the generic
 * {@link Element} shape: which of its text fields, images, title cards and talent cards a
 * type uses is documented per type.
 */
public enum ElementType {

	/** Big banner: text {@code heading}, {@code subheading}; one image. */
	HERO,

	/** Sanitized HTML: text {@code html}. */
	RICH_TEXT,

	/** One image with text {@code caption}. */
	IMAGE,

	/**
	 * Trailer or clip: text {@code videoUrl}, {@code caption}; poster image; optionally
	 * the title it belongs to.
	 */
	VIDEO,

	/** One catalog title: one {@link TitleCard}. */
	TITLE_CARD,

	/** A row of catalog titles: text {@code heading}; several {@link TitleCard}s. */
	TITLE_ROW,

	/** One person: one {@link TalentCard}. */
	TALENT_CARD,

	/**
	 * A pull quote: text {@code quote}, {@code attribution}; optionally the talent
	 * quoted.
	 */
	QUOTE,

	/** Several images: text {@code heading}; images in order. */
	GALLERY,

	/**
	 * Call to action: text {@code heading}, {@code body}, {@code ctaLabel},
	 * {@code ctaUrl}; one image.
	 */
	PROMO

}
