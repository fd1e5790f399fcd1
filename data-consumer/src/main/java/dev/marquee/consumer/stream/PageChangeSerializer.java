package dev.marquee.consumer.stream;

import org.apache.kafka.common.serialization.Serializer;

import dev.marquee.model.PageChanged;
import dev.marquee.model.json.MarqueeJson;

/**
 * Writes a page change as the shared JSON, for dead letters of records that deserialized
 * but were rejected later.
 */
class PageChangeSerializer implements Serializer<PageChanged> {

	@Override
	public byte[] serialize(String topic, PageChanged data) {
		return MarqueeJson.write(data);
	}

}
