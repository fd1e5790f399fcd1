package dev.marquee.ingestion.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of CMS document Marquee ingests.
 */
public enum ContentType {

	/** A page: slug, template, title, summary and its elements. */
	PAGE,

	/** A catalog title: name, synopsis, maturity rating, genres, artwork asset. */
	TITLE,

	/** A person: name, headshot asset. */
	TALENT,

	/** An image: file, size, media type, focal point. */
	ASSET;

	/**
	 * The name used in webhook bodies and the store.
	 * @return e.g. {@code page}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Looks a type up by its wire name.
	 * @param name e.g. {@code title}
	 * @return the type, empty when unknown
	 */
	public static Optional<ContentType> fromWireName(String name) {
		return Arrays.stream(values()).filter((type) -> type.wireName().equals(name)).findFirst();
	}

}
