package dev.marquee.ingestion.ingest;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.ingest.IngestionRefusedException.Reason;
import dev.marquee.model.json.MarqueeJson;

/**
 * Reads a change's native fields as the records of its content type.
 */
final class NativeFields {

	private NativeFields() {
	}

	static <T> T read(@Nullable JsonNode fields, Class<T> type) {
		if (fields == null || !fields.isObject()) {
			throw new IngestionRefusedException(Reason.INVALID_DOCUMENT, "'fields' must be an object");
		}
		try {
			return MarqueeJson.mapper().treeToValue(fields, type);
		}
		catch (JacksonException ex) {
			throw new IngestionRefusedException(Reason.INVALID_DOCUMENT,
					"The document's fields do not match its content type: " + ex.getOriginalMessage());
		}
	}

}
