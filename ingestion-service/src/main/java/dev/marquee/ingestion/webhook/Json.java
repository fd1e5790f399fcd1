package dev.marquee.ingestion.webhook;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Small readers over untyped webhook JSON.
 */
final class Json {

	private Json() {
	}

	static @Nullable String text(@Nullable JsonNode node, String field) {
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

	static @Nullable JsonNode child(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

}
