package dev.marquee.ingestion.webhook;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.model.json.MarqueeJson;

/**
 * Builds a document's fields in Marquee's native shape from another CMS's entry.
 */
public final class Fields {

	private final ObjectNode node = MarqueeJson.mapper().createObjectNode();

	public Fields text(String name, @Nullable String value) {
		if (value != null) {
			this.node.put(name, value);
		}
		return this;
	}

	public Fields number(String name, @Nullable JsonNode value) {
		if (value != null && value.isNumber()) {
			this.node.set(name, value);
		}
		return this;
	}

	public Fields node(String name, @Nullable JsonNode value) {
		if (value != null && !value.isNull() && !value.isMissingNode()) {
			this.node.set(name, value);
		}
		return this;
	}

	public Fields strings(String name, @Nullable JsonNode values) {
		if (values != null && values.isArray()) {
			ArrayNode array = this.node.putArray(name);
			values.forEach((value) -> {
				if (value.isString()) {
					array.add(value.stringValue());
				}
			});
		}
		return this;
	}

	public ObjectNode build() {
		return this.node;
	}

}
