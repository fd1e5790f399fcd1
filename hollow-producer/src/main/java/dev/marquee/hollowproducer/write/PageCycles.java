package dev.marquee.hollowproducer.write;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.write.HollowWriteStateEngine;
import com.netflix.hollow.core.write.objectmapper.RecordPrimaryKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.marquee.hollowproducer.blob.Announcements;
import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.model.PageChanged;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.writelog.WriteLog;

/**
 * Folds page changes from the write log into the Hollow state, in one cycle of Hollow's
 * incremental producer per batch, and tags each state with the highest log offset it
 * contains. Not thread-safe: only the cycle thread calls it (after the restore on start).
 */
final class PageCycles {

	private static final Log logger = LogFactory.getLog(PageCycles.class);

	private final HollowProducer.Incremental producer;

	private final BlobStore store;

	/** What the state holds: whether a delete must remove a page or a tombstone. */
	private VersionIndex index = new VersionIndex();

	private long version = Announcements.NO_VERSION;

	private long offset = WriteLog.NO_OFFSET;

	PageCycles(HollowProducer.Incremental producer, BlobStore store) {
		this.producer = producer;
		this.store = store;
		this.producer.initializeDataModel(HollowPage.class, PageTombstone.class);
	}

	/**
	 * Restores the state last announced, so that no acknowledged write is lost across a
	 * crash and versions continue from there.
	 * @return the restored state, empty when there was none
	 */
	Restored restore() {
		this.store.removeUnannounced();
		OptionalLong announced = this.store.announcedVersion();
		if (announced.isEmpty()) {
			logger.info("No announced Hollow state in " + this.store.dir() + "; starting empty");
			return new Restored(Announcements.NO_VERSION, WriteLog.NO_OFFSET, null, new VersionIndex());
		}
		long started = System.nanoTime();
		HollowProducer.ReadState restored = this.producer.restore(announced.getAsLong(), this.store.retriever());
		if (restored.getVersion() != announced.getAsLong()) {
			throw new IllegalStateException("restored version " + restored.getVersion() + " instead of the announced "
					+ announced.getAsLong() + " from " + this.store.dir());
		}
		HollowReadStateEngine engine = restored.getStateEngine();
		this.index = VersionIndex.of(engine);
		this.version = restored.getVersion();
		String tag = engine.getHeaderTag(WriteLog.STATE_OFFSET_TAG);
		this.offset = (tag != null) ? Long.parseLong(tag) : WriteLog.NO_OFFSET;
		logger.info("Restored Hollow state " + this.version + " (" + this.index.size() + " page stages, log offset "
				+ this.offset + ") from " + this.store.dir() + " in " + (System.nanoTime() - started) / 1_000_000
				+ " ms");
		return new Restored(this.version, this.offset, engine.getHeaderTag(WriteLog.LOG_ID_TAG),
				VersionIndex.of(engine));
	}

	long version() {
		return this.version;
	}

	long offset() {
		return this.offset;
	}

	/**
	 * Folds changes into one cycle whose state records {@code offset} and {@code logId}
	 * in its header tags.
	 * @param changes the newest change of each page stage (a change not newer than the
	 * state's is skipped); only the winners are decoded
	 * @param offset the highest log offset the new state contains
	 * @param logId the log the offset belongs to
	 * @return the version containing them and how many records the cycle wrote
	 */
	Outcome apply(Collection<ChangeEnvelope> changes, long offset, String logId) {
		Map<PageKey, ChangeEnvelope> newest = new HashMap<>();
		for (ChangeEnvelope change : changes) {
			VersionIndex.Entry current = this.index.get(change.key());
			ChangeEnvelope pending = newest.get(change.key());
			long highest = Math.max((current != null) ? current.version() : Long.MIN_VALUE,
					(pending != null) ? pending.contentVersion() : Long.MIN_VALUE);
			if (change.contentVersion() > highest) {
				newest.put(change.key(), change);
			}
		}
		Map<PageKey, PageChanged> winners = decode(newest);
		HollowWriteStateEngine engine = this.producer.getWriteEngine();
		// header tags are written into the snapshot, delta and reverse delta of the cycle
		engine.addHeaderTag(WriteLog.STATE_OFFSET_TAG, Long.toString(offset));
		engine.addHeaderTag(WriteLog.LOG_ID_TAG, logId);
		long cycleVersion = this.producer.runIncrementalCycle((state) -> {
			for (Map.Entry<PageKey, PageChanged> winner : winners.entrySet()) {
				write(state, winner.getKey(), winner.getValue());
			}
		});
		for (Map.Entry<PageKey, PageChanged> winner : winners.entrySet()) {
			PageChanged change = winner.getValue();
			this.index.put(winner.getKey(),
					new VersionIndex.Entry(change.contentVersion(), change.kind() == ChangeKind.DELETED));
		}
		if (cycleVersion == this.version && !winners.isEmpty()) {
			logger.warn("A cycle of " + winners.size() + " changes produced no new state; offset " + offset
					+ " stays unannounced until the next one");
		}
		this.version = cycleVersion;
		this.offset = Math.max(this.offset, offset);
		return new Outcome(cycleVersion, winners.size());
	}

	/**
	 * Decodes the winners. A change the appender accepted but that is no valid
	 * {@link PageChanged} (a page whose elements are not the model's: the write path only
	 * checks a page's key) is left out, not retried: failing the cycle would stop every
	 * later write from reaching a state.
	 */
	private static Map<PageKey, PageChanged> decode(Map<PageKey, ChangeEnvelope> newest) {
		Map<PageKey, PageChanged> winners = new HashMap<>(newest.size() * 2);
		for (Map.Entry<PageKey, ChangeEnvelope> winner : newest.entrySet()) {
			try {
				winners.put(winner.getKey(), winner.getValue().decode());
			}
			catch (RuntimeException ex) {
				logger.error("The change to " + winner.getKey() + " v" + winner.getValue().contentVersion()
						+ " is in the write log but is not a valid page change; no state will contain it", ex);
			}
		}
		return winners;
	}

	private void write(HollowProducer.Incremental.IncrementalWriteState state, PageKey key, PageChanged change) {
		VersionIndex.Entry current = this.index.get(key);
		Object[] primaryKey = { key.pageId(), key.stage().name() };
		if (change.kind() == ChangeKind.UPSERTED) {
			state.addOrModify(HollowPages.toHollow(java.util.Objects.requireNonNull(change.page())));
			if (current != null && current.deleted()) {
				state.delete(new RecordPrimaryKey(PageTombstone.TYPE, primaryKey));
			}
		}
		else {
			if (current != null && !current.deleted()) {
				state.delete(new RecordPrimaryKey(HollowPage.TYPE, primaryKey));
			}
			state.addOrModify(new PageTombstone(key.pageId(), key.stage().name(), change.contentVersion()));
		}
	}

	/**
	 * The result of one cycle.
	 *
	 * @param version the version that contains the changes (the current one when nothing
	 * changed)
	 * @param written how many page stages the cycle wrote
	 */
	record Outcome(long version, int written) {
	}

	/**
	 * The state restored on start.
	 *
	 * @param version its version, or {@link Announcements#NO_VERSION}
	 * @param offset the highest log offset it contains
	 * @param logId the log its offset belongs to, when it names one
	 * @param index what it holds, for last-write-wins
	 */
	record Restored(long version, long offset, @Nullable String logId, VersionIndex index) {
	}

}
