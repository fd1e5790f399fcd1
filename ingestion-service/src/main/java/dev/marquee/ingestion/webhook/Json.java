package dev.marquee.ingestion.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.IncomingChange;

/**
 * Small readers over untyped webhook JSON.
 */
public final class Json {

	private Json() {
	}

	public static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		return null;
	}

	/**
	 * An ISO-8601 instant as microseconds since the epoch, the version of a Sanity or
	 * Strapi document.
	 * @param instant the text, null if absent
	 * @param field where it was, for the problem
	 * @return the microseconds, null if absent
	 * @throws dev.marquee.ingestion.system.ProblemException 422 when not an instant, or
	 * too far out for a long
	 */
	public static @Nullable Long micros(@Nullable String instant, String field) {
		if (instant == null) {
			return null;
		}
		try {
			Instant parsed = Instant.parse(instant);
			return Math.addExact(Math.multiplyExact(parsed.getEpochSecond(), 1_000_000L), parsed.getNano() / 1000);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw WebhookProblems.invalid(field + " is not an ISO-8601 instant within microsecond range: " + instant);
		}
	}

	/**
	 * A document id as a delivery names it.
	 * @param id the id, null if absent
	 * @param field where it was, for the problem
	 * @return the id
	 * @throws dev.marquee.ingestion.system.ProblemException 422 when blank or over 200
	 * characters: it keys every store and the Kafka topic, and travels back in the
	 * consistency token header
	 */
	public static String documentId(@Nullable String id, String field) {
		if (id == null || id.isBlank() || id.length() > IncomingChange.MAX_ID_LENGTH) {
			throw WebhookProblems
				.invalid("'" + field + "' is required (at most " + IncomingChange.MAX_ID_LENGTH + " characters)");
		}
		return id;
	}

	/**
	 * A version number: a JSON integer that fits a long.
	 * @param node the node, null if absent
	 * @param field where it was, for the problem
	 * @return the version, null if absent or not an integer
	 * @throws dev.marquee.ingestion.system.ProblemException 422 for an integer beyond 64
	 * bits
	 */
	public static @Nullable Long integer(@Nullable JsonNode node, String field) {
		if (node == null || !node.isIntegralNumber()) {
			return null;
		}
		if (!node.canConvertToLong()) {
			throw WebhookProblems.invalid("'" + field + "' does not fit a 64-bit integer");
		}
		return node.asLong();
	}

	public static @Nullable JsonNode child(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

}
