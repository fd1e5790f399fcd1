package dev.marquee.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A hydrated image: a CMS asset resolved to CDN URLs.
 *
 * @param assetId the CMS asset id it came from
 * @param url the CDN URL of the original size
 * @param width the original width in pixels
 * @param height the original height in pixels
 * @param mimeType the asset's media type, e.g. {@code image/jpeg}
 * @param altText text for readers who cannot see the image
 * @param focalX horizontal focal point, 0 (left) to 1 (right), used when cropping
 * @param focalY vertical focal point, 0 (top) to 1 (bottom)
 * @param renditions responsive sizes, smallest first
 */
public record Image(String assetId, String url, int width, int height, String mimeType, @Nullable String altText,
		double focalX, double focalY, List<Rendition> renditions) {

	public Image {
		renditions = List.copyOf(renditions);
	}

}
