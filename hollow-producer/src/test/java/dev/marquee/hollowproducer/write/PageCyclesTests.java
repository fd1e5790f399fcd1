package dev.marquee.hollowproducer.write;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.hollowproducer.Pages;
import dev.marquee.hollowproducer.blob.Announcements;
import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.hollowproducer.blob.DurablePublisher;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Last-write-wins and batching on a real Hollow incremental producer and blob store.
 */
class PageCyclesTests {

	@TempDir
	Path dir;

	@Test
	void appliesOnlyChangesNewerThanTheStateAndTheRestOfTheBatch() {
		PageCycles cycles = cycles(new BlobStore(this.dir));
		PageCycles.Outcome first = cycles.apply(List.of(List.of(Pages.upsert("a", 10, "A10"))));
		PageCycles.Outcome batch = cycles.apply(List.of(List.of(Pages.upsert("a", 5, "A5"), Pages.upsert("b", 1, "B1")),
				List.of(Pages.upsert("b", 3, "B3")), List.of(Pages.upsert("a", 10, "A10 again"))));

		assertThat(first.applied()).containsExactly(1);
		assertThat(batch.version()).isGreaterThan(first.version());
		assertThat(batch.applied()).containsExactly(0, 1, 0);
		assertThat(batch.ignored()).containsExactly(2, 0, 1);
		assertThat(batch.written()).isEqualTo(1);
		assertThat(title(this.dir, batch.version(), "a")).isEqualTo("A10");
		assertThat(title(this.dir, batch.version(), "b")).isEqualTo("B3");
	}

	@Test
	void aBatchOfOnlyStaleChangesRunsNoCycle() {
		PageCycles cycles = cycles(new BlobStore(this.dir));
		long version = cycles.apply(List.of(List.of(Pages.upsert("a", 10, "A10")))).version();
		PageCycles.Outcome stale = cycles.apply(List.of(List.of(Pages.upsert("a", 9, "A9"))));
		assertThat(stale.version()).isEqualTo(version);
		assertThat(stale.written()).isZero();
	}

	@Test
	void restoredStateKeepsVersionsAndTombstonesForLastWriteWins() {
		BlobStore store = new BlobStore(this.dir);
		PageCycles cycles = cycles(store);
		cycles.apply(List.of(List.of(Pages.upsert("a", 10, "A10"), Pages.upsert("b", 10, "B10"))));
		long before = cycles.apply(List.of(List.of(PageChanged.deleted("b", Stage.PUBLISHED, "slug-b", 20, Instant.now(),
				"t")))).version();

		PageCycles restarted = cycles(new BlobStore(this.dir));
		assertThat(restarted.restore()).hasValue(before);
		PageCycles.Outcome after = restarted.apply(List.of(List.of(Pages.upsert("a", 9, "A9"), Pages.upsert("b", 15, "B15"),
				Pages.upsert("c", 1, "C1"))));
		assertThat(after.applied()).containsExactly(1);
		assertThat(after.ignored()).containsExactly(2);
		assertThat(after.version()).isGreaterThan(before);
		assertThat(title(this.dir, after.version(), "a")).isEqualTo("A10");
		assertThat(title(this.dir, after.version(), "b")).isNull();
		assertThat(title(this.dir, after.version(), "c")).isEqualTo("C1");
	}

	private static PageCycles cycles(BlobStore store) {
		HollowProducer.Incremental producer = HollowProducer
			.withPublisher(new DurablePublisher(store, new SimpleMeterRegistry()))
			.withAnnouncer(new Announcements(store))
			.withNumStatesBetweenSnapshots(2)
			.buildIncremental();
		return new PageCycles(producer, store);
	}

	private static String title(Path dir, long version, String pageId) {
		HollowConsumer consumer = HollowConsumer.withBlobRetriever(new BlobStore(dir).retriever()).build();
		consumer.triggerRefreshTo(version);
		HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(consumer.getStateEngine(), HollowPage.TYPE,
				"pageId.value", "stage.value");
		int ordinal = index.getMatchingOrdinal(pageId, "PUBLISHED");
		return (ordinal < 0) ? null : HollowPages.fromHollow(consumer.getStateEngine(), ordinal).title();
	}

}
