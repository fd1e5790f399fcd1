package dev.marquee.hollowproducer.write;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
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
import dev.marquee.model.writelog.WriteLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding changes into cycles of a real Hollow incremental producer and blob store, and
 * the log offset each state carries to its consumers.
 */
class PageCyclesTests {

	private static final String LOG_ID = "test-log";

	@TempDir
	Path dir;

	@Test
	void foldsOnlyChangesNewerThanTheStateAndTheRestOfTheFold() {
		PageCycles cycles = cycles(new BlobStore(this.dir), 2);
		PageCycles.Outcome first = cycles.apply(envelopes(Pages.upsert("a", 10, "A10")), 1, LOG_ID);
		PageCycles.Outcome second = cycles.apply(
				envelopes(Pages.upsert("a", 5, "A5"), Pages.upsert("b", 3, "B3"), Pages.upsert("b", 1, "B1")), 4,
				LOG_ID);

		assertThat(first.written()).isEqualTo(1);
		assertThat(second.version()).isGreaterThan(first.version());
		assertThat(second.written()).isEqualTo(1);
		assertThat(title(this.dir, second.version(), "a")).isEqualTo("A10");
		assertThat(title(this.dir, second.version(), "b")).isEqualTo("B3");
		assertThat(cycles.offset()).isEqualTo(4);
	}

	@Test
	void restoredStateKeepsVersionsTombstonesAndItsLogOffset() {
		BlobStore store = new BlobStore(this.dir);
		PageCycles cycles = cycles(store, 2);
		cycles.apply(envelopes(Pages.upsert("a", 10, "A10"), Pages.upsert("b", 10, "B10")), 2, LOG_ID);
		long before = cycles
			.apply(envelopes(PageChanged.deleted("b", Stage.PUBLISHED, "slug-b", 20, Instant.now(), "t")), 3, LOG_ID)
			.version();

		PageCycles restarted = cycles(new BlobStore(this.dir), 2);
		PageCycles.Restored restored = restarted.restore();
		assertThat(restored.version()).isEqualTo(before);
		assertThat(restored.offset()).isEqualTo(3);
		assertThat(restored.logId()).isEqualTo(LOG_ID);
		assertThat(restored.index().get(new PageKey("b", Stage.PUBLISHED))).isEqualTo(new VersionIndex.Entry(20, true));
		PageCycles.Outcome after = restarted.apply(
				envelopes(Pages.upsert("a", 9, "A9"), Pages.upsert("b", 15, "B15"), Pages.upsert("c", 1, "C1")), 6,
				LOG_ID);
		assertThat(after.written()).isEqualTo(1);
		assertThat(after.version()).isGreaterThan(before);
		assertThat(title(this.dir, after.version(), "a")).isEqualTo("A10");
		assertThat(title(this.dir, after.version(), "b")).isNull();
		assertThat(title(this.dir, after.version(), "c")).isEqualTo("C1");
	}

	@Test
	void aWinnerThatIsNoValidChangeIsLeftOutAndTheRestOfTheCycleIsWritten() {
		PageCycles cycles = cycles(new BlobStore(this.dir), 2);
		// the write path checks a page's key, not its elements
		byte[] json = ("{\"kind\":\"UPSERTED\",\"pageId\":\"bad\",\"stage\":\"PUBLISHED\",\"slug\":\"s\","
				+ "\"contentVersion\":2,\"page\":{\"pageId\":\"bad\",\"stage\":\"PUBLISHED\",\"contentVersion\":2,"
				+ "\"elements\":\"not a list\"}}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ChangeEnvelope bad = ChangeEnvelopes.readChange(json);
		PageCycles.Outcome outcome = cycles.apply(List.of(bad, ChangeEnvelope.of(Pages.upsert("good", 1, "Good"))), 2,
				LOG_ID);
		assertThat(outcome.written()).isEqualTo(1);
		assertThat(title(this.dir, outcome.version(), "good")).isEqualTo("Good");
		assertThat(title(this.dir, outcome.version(), "bad")).isNull();
		// not in the state, so a later valid version still wins
		PageCycles.Outcome fixed = cycles.apply(envelopes(Pages.upsert("bad", 3, "Fixed")), 3, LOG_ID);
		assertThat(title(this.dir, fixed.version(), "bad")).isEqualTo("Fixed");
	}

	@Test
	void everyStateTellsItsConsumersTheHighestOffsetItContainsOnSnapshotsAndDeltas() {
		BlobStore store = new BlobStore(this.dir);
		PageCycles cycles = cycles(store, 1);
		long[] offsets = { 3, 7, 12, 20 };
		List<Long> versions = new ArrayList<>();
		for (int i = 0; i < offsets.length; i++) {
			versions.add(cycles.apply(envelopes(Pages.upsert("p" + i, 1, "P" + i)), offsets[i], LOG_ID).version());
		}

		// a consumer that only ever gets the first snapshot reaches every later state
		// through deltas
		HollowConsumer.BlobRetriever all = store.retriever();
		long firstSnapshot = versions.get(0);
		HollowConsumer deltas = HollowConsumer.withBlobRetriever(new HollowConsumer.BlobRetriever() {

			@Override
			public HollowConsumer.@Nullable Blob retrieveSnapshotBlob(long desiredVersion) {
				return all.retrieveSnapshotBlob(firstSnapshot);
			}

			@Override
			public HollowConsumer.@Nullable Blob retrieveDeltaBlob(long currentVersion) {
				return all.retrieveDeltaBlob(currentVersion);
			}

			@Override
			public HollowConsumer.@Nullable Blob retrieveReverseDeltaBlob(long currentVersion) {
				return all.retrieveReverseDeltaBlob(currentVersion);
			}

		}).build();
		for (int i = 0; i < offsets.length; i++) {
			deltas.triggerRefreshTo(versions.get(i));
			assertThat(deltas.getCurrentVersionId()).isEqualTo(versions.get(i));
			assertThat(deltas.getStateEngine().getHeaderTag(WriteLog.STATE_OFFSET_TAG))
				.isEqualTo(Long.toString(offsets[i]));
			assertThat(deltas.getStateEngine().getHeaderTag(WriteLog.LOG_ID_TAG)).isEqualTo(LOG_ID);
		}

		// a later snapshot carries its own state's offset
		long snapshot = store.snapshotAtOrBefore(versions.get(offsets.length - 1)).orElseThrow().to();
		assertThat(snapshot).isGreaterThan(firstSnapshot);
		HollowConsumer snapshots = HollowConsumer.withBlobRetriever(new HollowConsumer.BlobRetriever() {

			@Override
			public HollowConsumer.@Nullable Blob retrieveSnapshotBlob(long desiredVersion) {
				return all.retrieveSnapshotBlob(desiredVersion);
			}

			@Override
			public HollowConsumer.@Nullable Blob retrieveDeltaBlob(long currentVersion) {
				return null;
			}

			@Override
			public HollowConsumer.@Nullable Blob retrieveReverseDeltaBlob(long currentVersion) {
				return null;
			}

		}).build();
		snapshots.triggerRefreshTo(snapshot);
		assertThat(snapshots.getCurrentVersionId()).isEqualTo(snapshot);
		assertThat(snapshots.getStateEngine().getHeaderTag(WriteLog.STATE_OFFSET_TAG))
			.isEqualTo(Long.toString(offsets[versions.indexOf(snapshot)]));
	}

	private static PageCycles cycles(BlobStore store, int statesBetweenSnapshots) {
		HollowProducer.Incremental producer = HollowProducer
			.withPublisher(new DurablePublisher(store, new SimpleMeterRegistry()))
			.withAnnouncer(new Announcements(store))
			.withNumStatesBetweenSnapshots(statesBetweenSnapshots)
			.buildIncremental();
		return new PageCycles(producer, store);
	}

	private static @Nullable String title(Path dir, long version, String pageId) {
		HollowConsumer consumer = HollowConsumer.withBlobRetriever(new BlobStore(dir).retriever()).build();
		consumer.triggerRefreshTo(version);
		HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(consumer.getStateEngine(), HollowPage.TYPE,
				"pageId.value", "stage.value");
		int ordinal = index.getMatchingOrdinal(pageId, "PUBLISHED");
		return (ordinal < 0) ? null : HollowPages.fromHollow(consumer.getStateEngine(), ordinal).title();
	}

	static List<ChangeEnvelope> envelopes(PageChanged... changes) {
		return java.util.Arrays.stream(changes).map(ChangeEnvelope::of).toList();
	}

}
