package dev.marquee.model.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.marquee.model.PageChanged;

/**
 * The JSON mapping every service uses for the shared model: ISO-8601 instants, unknown
 * properties tolerated (newer producers may add fields), and nothing else surprising.
 */
public final class MarqueeJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.build();

	private MarqueeJson() {
	}

	/**
	 * The shared mapper; thread-safe.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * A change as the bytes of a Kafka record value.
	 * @param change the change
	 * @return UTF-8 JSON
	 */
	public static byte[] write(PageChanged change) {
		return MAPPER.writeValueAsBytes(change);
	}

	/**
	 * Reads a change from a Kafka record value.
	 * @param json UTF-8 JSON
	 * @return the change
	 * @throws tools.jackson.core.JacksonException if the bytes are not a valid change
	 */
	public static PageChanged readPageChanged(byte[] json) {
		return MAPPER.readValue(json, PageChanged.class);
	}

}
