package dev.marquee.consumer.stream;

import org.apache.kafka.common.serialization.Deserializer;

import dev.marquee.model.PageChanged;

/**
 * Kafka value deserializer for page changes, wrapped by spring-kafka's
 * {@code ErrorHandlingDeserializer} so that a poison value becomes a dead letter (with
 * its original bytes) instead of stopping the consumer.
 */
public class PageChangeDeserializer implements Deserializer<PageChanged> {

	@Override
	public PageChanged deserialize(String topic, byte[] data) {
		return PageChanges.read(data);
	}

}
