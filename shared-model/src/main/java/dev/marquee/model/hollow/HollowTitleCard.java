package dev.marquee.model.hollow;

import java.util.List;

import com.netflix.hollow.core.write.objectmapper.HollowTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A hydrated catalog title. A title shown on many pages is one record.
 */
@HollowTypeName(name = "TitleCard")
public final class HollowTitleCard {

	final String titleId;

	final String name;

	final String synopsis;

	final String maturityRating;

	final List<String> genres;

	final @Nullable HollowImage artwork;

	HollowTitleCard(String titleId, String name, String synopsis, String maturityRating, List<String> genres,
			@Nullable HollowImage artwork) {
		this.titleId = titleId;
		this.name = name;
		this.synopsis = synopsis;
		this.maturityRating = maturityRating;
		this.genres = genres;
		this.artwork = artwork;
	}

}
