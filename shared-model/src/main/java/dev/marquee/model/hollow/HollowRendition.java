package dev.marquee.model.hollow;

import com.netflix.hollow.core.write.objectmapper.HollowTypeName;

/**
 * One responsive size of an image.
 */
@HollowTypeName(name = "Rendition")
public final class HollowRendition {

	final int width;

	final int height;

	final String url;

	HollowRendition(int width, int height, String url) {
		this.width = width;
		this.height = height;
		this.url = url;
	}

}
