package dev.marquee.model.hollow;

import java.util.List;

import com.netflix.hollow.core.write.objectmapper.HollowTypeName;
import org.jspecify.annotations.Nullable;

/**
 * A hydrated image. The same asset used on many pages is one record.
 */
@HollowTypeName(name = "Image")
public final class HollowImage {

	final String assetId;

	final String url;

	final int width;

	final int height;

	final String mimeType;

	final @Nullable String altText;

	final double focalX;

	final double focalY;

	final List<HollowRendition> renditions;

	HollowImage(String assetId, String url, int width, int height, String mimeType, @Nullable String altText,
			double focalX, double focalY, List<HollowRendition> renditions) {
		this.assetId = assetId;
		this.url = url;
		this.width = width;
		this.height = height;
		this.mimeType = mimeType;
		this.altText = altText;
		this.focalX = focalX;
		this.focalY = focalY;
		this.renditions = renditions;
	}

}
