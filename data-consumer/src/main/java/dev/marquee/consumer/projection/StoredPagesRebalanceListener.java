package dev.marquee.consumer.projection;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Drops {@link StoredPages} when the consumer group gives this process partitions or
 * takes some away without a clean hand-over: another process may have written those pages
 * in between, so what this process remembers of them may be stale. Boot's listener
 * container factory picks this bean up for the consumer group (it is the only
 * {@link ConsumerAwareRebalanceListener}).
 */
@Component
class StoredPagesRebalanceListener implements ConsumerAwareRebalanceListener {

	private final StoredPages storedPages;

	StoredPagesRebalanceListener(StoredPages storedPages) {
		this.storedPages = storedPages;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty()) {
			this.storedPages.clear();
		}
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty()) {
			this.storedPages.clear();
		}
	}

}
