package dev.marquee.consumer.projection;

import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.marquee.consumer.projection.ElementRows.Stored;
import dev.marquee.consumer.projection.StoredPages.Key;

import static org.assertj.core.api.Assertions.assertThat;

class StoredPagesTests {

	private static final Key KEY = new Key("p", "PUBLISHED");

	@Test
	void keepsTheNewestVersionPut() {
		StoredPages pages = new StoredPages();
		pages.put(KEY, Stored.deleted(20), pages.generation());
		pages.put(KEY, Stored.deleted(10), pages.generation());
		assertThat(pages.get(KEY).version()).isEqualTo(20);
	}

	@Test
	void anEntryPlannedBeforeAClearIsNotPutBack() {
		StoredPages pages = new StoredPages();
		long planned = pages.generation();
		pages.clear();
		pages.put(KEY, Stored.deleted(10), planned);
		assertThat(pages.get(KEY)).isNull();
	}

	@Test
	void theRebalanceListenerDropsEverythingWhenPartitionsAreAssignedOrLost() {
		StoredPages pages = new StoredPages();
		StoredPagesRebalanceListener listener = new StoredPagesRebalanceListener(pages);
		pages.put(KEY, Stored.deleted(10), pages.generation());
		listener.onPartitionsAssigned(null, List.of());
		assertThat(pages.get(KEY)).isNotNull();
		listener.onPartitionsAssigned(null, List.of(new TopicPartition("t", 0)));
		assertThat(pages.get(KEY)).isNull();
		pages.put(KEY, Stored.deleted(11), pages.generation());
		listener.onPartitionsLost(null, List.of(new TopicPartition("t", 1)));
		assertThat(pages.get(KEY)).isNull();
	}

	@Test
	void holdsAtMostItsBoundOfEntries() {
		StoredPages pages = new StoredPages();
		for (int i = 0; i < StoredPages.MAX_ENTRIES + 10; i++) {
			pages.put(new Key("p" + i, "PUBLISHED"), Stored.deleted(i), pages.generation());
		}
		assertThat(pages.size()).isEqualTo(StoredPages.MAX_ENTRIES);
		assertThat(pages.get(new Key("p0", "PUBLISHED"))).isNull();
	}

}
