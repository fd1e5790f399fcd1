package dev.marquee.model.hollow;

import java.util.List;

import com.netflix.hollow.core.write.objectmapper.HollowTypeName;

/**
 * One hydrated page element, referenced from its page. Identical elements are one record.
 */
@HollowTypeName(name = "Element")
public final class HollowElement {

	final String elementId;

	final String type;

	final int position;

	final List<HollowTextField> text;

	final List<HollowImage> images;

	final List<HollowTitleCard> titles;

	final List<HollowTalentCard> talent;

	HollowElement(String elementId, String type, int position, List<HollowTextField> text, List<HollowImage> images,
			List<HollowTitleCard> titles, List<HollowTalentCard> talent) {
		this.elementId = elementId;
		this.type = type;
		this.position = position;
		this.text = text;
		this.images = images;
		this.titles = titles;
		this.talent = talent;
	}

}
