package dev.marquee.ingestion.render;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Plain-text fields (every field but RICH_TEXT's, and every text of a title, talent or
 * asset): clients render them as text, so markup there is either a mistake or an attack.
 */
final class PlainText {

	// A tag opener, or a script URL.
	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]|javascript:",
			Pattern.CASE_INSENSITIVE);

	// A browser reading a URL drops whitespace and control characters, so "java\tscript:"
	// is "javascript:" to it.
	private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cc}\\p{Cf}]");

	private PlainText() {
	}

	static void check(String field, @Nullable String value, List<Violation> violations) {
		if (value != null && (MARKUP.matcher(value).find()
				|| INVISIBLE.matcher(value).replaceAll("").toLowerCase(Locale.ROOT).contains("javascript:"))) {
			violations.add(Violation.template(field,
					"is plain text: markup is not allowed here (use a RICH_TEXT element for HTML)"));
		}
	}

	/**
	 * Placeholders bring in catalog text: it must not smuggle markup into a plain-text
	 * field either.
	 */
	static void checkHydrated(String field, @Nullable String raw, @Nullable String hydrated,
			List<Violation> violations) {
		if (raw != null && hydrated != null && !hydrated.equals(raw) && !MARKUP.matcher(raw).find()) {
			check(field, hydrated, violations);
		}
	}

}
