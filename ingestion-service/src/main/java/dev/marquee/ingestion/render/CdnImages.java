package dev.marquee.ingestion.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.model.Image;
import dev.marquee.model.Rendition;

/**
 * Assets as CDN images: the URL is the CDN base plus the asset's file, with one rendition
 * per configured width narrower than the original (cropped around the focal point) and
 * the original itself.
 */
final class CdnImages {

	private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

	private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

	private final String cdnBase;

	private final List<Integer> renditionWidths;

	CdnImages(String cdnBase, List<Integer> renditionWidths) {
		this.cdnBase = TRAILING_SLASHES.matcher(cdnBase).replaceAll("");
		this.renditionWidths = renditionWidths.stream().sorted().toList();
	}

	Image image(String assetId, AssetFields asset) {
		double focalX = (asset.focalPoint() != null) ? asset.focalPoint().x() : 0.5;
		double focalY = (asset.focalPoint() != null) ? asset.focalPoint().y() : 0.5;
		String base = this.cdnBase + "/" + LEADING_SLASHES.matcher(nullToEmpty(asset.file())).replaceAll("");
		// Every image of every page goes through here: String.format was a visible share
		// of ingestion's CPU.
		String focus = "&fx=" + twoDecimals(focalX) + "&fy=" + twoDecimals(focalY);
		List<Rendition> renditions = new ArrayList<>();
		for (int width : this.renditionWidths) {
			if (width < asset.width()) {
				int height = (int) Math.round((double) width * asset.height() / asset.width());
				renditions.add(new Rendition(width, height, base + "?w=" + width + "&h=" + height + focus));
			}
		}
		renditions.add(new Rendition(asset.width(), asset.height(), base));
		return new Image(assetId, base, asset.width(), asset.height(), nullToEmpty(asset.mimeType()), asset.altText(),
				focalX, focalY, renditions);
	}

	// As %.2f would print it.
	private static String twoDecimals(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
