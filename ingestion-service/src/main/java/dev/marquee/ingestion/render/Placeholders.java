package dev.marquee.ingestion.render;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Dependency;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;

/**
 * Resolves {@code {{title:ID.field}}} ({@code name}, {@code synopsis},
 * {@code maturityRating}, {@code genres}) and {@code {{talent:ID.name}}} (or
 * {@code {{talent:ID}}}) in a text from the stage's catalog.
 */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{\\s*(title|talent):([A-Za-z0-9_-]+)(?:\\.([A-Za-z]+))?\\s*\\}\\}");

	private Placeholders() {
	}

	static String resolve(String value, String field, Hydration hydration) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String kind = matcher.group(1);
			String id = matcher.group(2);
			String attribute = (matcher.group(3) != null) ? matcher.group(3) : "name";
			String replacement = ("title".equals(kind)) ? titleAttribute(id, attribute, field, hydration)
					: talentAttribute(id, attribute, field, hydration);
			matcher.appendReplacement(result, Matcher.quoteReplacement((replacement != null) ? replacement : ""));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static @Nullable String titleAttribute(String id, String attribute, String field, Hydration hydration) {
		hydration.dependencies.add(new Dependency(ContentType.TITLE, id));
		Optional<TitleFields> title = hydration.catalog.title(id);
		if (title.isEmpty()) {
			hydration.violations
				.add(Violation.reference(field, "placeholder references title '" + id + "', which does not exist"));
			return null;
		}
		return switch (attribute) {
			case "name" -> Hydration.nullToEmpty(title.get().name());
			case "synopsis" -> Hydration.nullToEmpty(title.get().synopsis());
			case "maturityRating" -> Hydration.nullToEmpty(title.get().maturityRating());
			case "genres" -> String.join(", ", title.get().genresOrEmpty());
			default -> {
				hydration.violations.add(Violation.template(field, "placeholder field '" + attribute
						+ "' of a title is not one of name, synopsis, maturityRating, genres"));
				yield null;
			}
		};
	}

	private static @Nullable String talentAttribute(String id, String attribute, String field, Hydration hydration) {
		hydration.dependencies.add(new Dependency(ContentType.TALENT, id));
		Optional<TalentFields> talent = hydration.catalog.talent(id);
		if (talent.isEmpty()) {
			hydration.violations
				.add(Violation.reference(field, "placeholder references talent '" + id + "', which does not exist"));
			return null;
		}
		if (!"name".equals(attribute)) {
			hydration.violations
				.add(Violation.template(field, "placeholder field '" + attribute + "' of talent is not 'name'"));
			return null;
		}
		return Hydration.nullToEmpty(talent.get().name());
	}

}
