package dev.marquee.model.hollow;

import com.netflix.hollow.core.write.objectmapper.HollowTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A hydrated person. Someone shown on many pages is one record.
 */
@HollowTypeName(name = "TalentCard")
public final class HollowTalentCard {

	final String talentId;

	final String name;

	final @Nullable HollowImage headshot;

	HollowTalentCard(String talentId, String name, @Nullable HollowImage headshot) {
		this.talentId = talentId;
		this.name = name;
		this.headshot = headshot;
	}

}
