package dev.marquee.ingestion.render;

/**
 * One reason a document cannot be rendered.
 *
 * @param field where, e.g. {@code elements[2].text.heading}
 * @param message what is wrong
 * @param kind a template violation or an unresolved reference
 */
public record Violation(String field, String message, Kind kind) {

	static Violation template(String field, String message) {
		return new Violation(field, message, Kind.TEMPLATE);
	}

	static Violation reference(String field, String message) {
		return new Violation(field, message, Kind.REFERENCE);
	}

	@Override
	public String toString() {
		return this.field + ": " + this.message;
	}

	/** What kind of problem. */
	public enum Kind {

		/** The document breaks its template's rules or is malformed. */
		TEMPLATE,

		/** The document references a title, talent or asset that does not exist. */
		REFERENCE

	}

}
