package dev.marquee.ingestion.render;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;

/**
 * The checks a catalog document (title, talent, asset) passes before it is stored, so
 * every page that uses it can render it: required fields, lengths, plain text, a relative
 * asset path, an image media type.
 */
public final class CatalogChecks {

	private CatalogChecks() {
	}

	/**
	 * Checks a catalog document.
	 * @param fields its fields, already read ({@link TitleFields}, {@link TalentFields}
	 * or {@link AssetFields})
	 * @return the problems, empty when it is fine
	 */
	public static List<Violation> check(Object fields) {
		List<Violation> violations = new ArrayList<>();
		if (fields instanceof TitleFields title) {
			if (blank(title.name())) {
				violations.add(Violation.template("name", "is required"));
			}
			else if (title.name().length() > 200) {
				violations.add(Violation.template("name", "must be at most 200 characters"));
			}
			if (title.synopsis() != null && title.synopsis().length() > 2000) {
				violations.add(Violation.template("synopsis", "must be at most 2000 characters"));
			}
			PlainText.check("name", title.name(), violations);
			PlainText.check("synopsis", title.synopsis(), violations);
			PlainText.check("maturityRating", title.maturityRating(), violations);
			List<String> genres = title.genresOrEmpty();
			for (int i = 0; i < genres.size(); i++) {
				PlainText.check("genres[" + i + "]", genres.get(i), violations);
			}
		}
		else if (fields instanceof TalentFields talent) {
			if (blank(talent.name())) {
				violations.add(Violation.template("name", "is required"));
			}
			else if (talent.name().length() > 200) {
				violations.add(Violation.template("name", "must be at most 200 characters"));
			}
			PlainText.check("name", talent.name(), violations);
		}
		else if (fields instanceof AssetFields asset) {
			if (blank(asset.file())) {
				violations.add(Violation.template("file", "is required"));
			}
			else {
				String problem = SafeUrls.assetPathProblem(asset.file());
				if (problem != null) {
					violations.add(Violation.template("file", problem));
				}
			}
			if (asset.width() <= 0) {
				violations.add(Violation.template("width", "must be a positive number of pixels"));
			}
			if (asset.height() <= 0) {
				violations.add(Violation.template("height", "must be a positive number of pixels"));
			}
			if (blank(asset.mimeType()) || !asset.mimeType().startsWith("image/")) {
				violations.add(Violation.template("mimeType", "must be an image/* media type"));
			}
			if (asset.altText() != null && asset.altText().length() > 1000) {
				violations.add(Violation.template("altText", "must be at most 1000 characters"));
			}
			PlainText.check("altText", asset.altText(), violations);
			if (asset.focalPoint() != null && (asset.focalPoint().x() < 0 || asset.focalPoint().x() > 1
					|| asset.focalPoint().y() < 0 || asset.focalPoint().y() > 1)) {
				violations.add(Violation.template("focalPoint", "x and y must be between 0 and 1"));
			}
		}
		return violations;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
