package dev.marquee.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A catalog title as a reader sees it: placeholders and references resolved at ingestion.
 *
 * @param titleId the catalog id
 * @param name the title's name
 * @param synopsis the short synopsis
 * @param maturityRating e.g. {@code TV-MA}
 * @param genres genre names in display order
 * @param artwork the hydrated artwork, if the title has one
 */
public record TitleCard(String titleId, String name, String synopsis, String maturityRating, List<String> genres,
		@Nullable Image artwork) {

	public TitleCard {
		genres = List.copyOf(genres);
	}

}
