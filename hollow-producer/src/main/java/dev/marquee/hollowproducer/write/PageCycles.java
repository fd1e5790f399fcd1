package dev.marquee.hollowproducer.write;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.core.write.objectmapper.RecordPrimaryKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.marquee.hollowproducer.blob.Announcements;
import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.model.PageChanged;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;

/**
 * Applies batches of page changes to the Hollow state, last-write-wins by content version, in one cycle of
 * Hollow's incremental producer per batch. Not thread-safe: only the batcher's cycle thread calls it.
 */
final class PageCycles {

	private static final Log logger = LogFactory.getLog(PageCycles.class);

	private final HollowProducer.Incremental producer;

	private final BlobStore store;

	private VersionIndex index = new VersionIndex();

	private long version = Announcements.NO_VERSION;

	PageCycles(HollowProducer.Incremental producer, BlobStore store) {
		this.producer = producer;
		this.store = store;
		this.producer.initializeDataModel(HollowPage.class, PageTombstone.class);
	}

	/**
	 * Restores the state last announced, so that no acknowledged write is lost across a crash and versions
	 * continue from there.
	 * @return the restored version, if there was one
	 */
	OptionalLong restore() {
		this.store.removeUnannounced();
		OptionalLong announced = this.store.announcedVersion();
		if (announced.isEmpty()) {
			logger.info("No announced Hollow state in " + this.store.dir() + "; starting empty");
			return announced;
		}
		long started = System.nanoTime();
		HollowProducer.ReadState restored = this.producer.restore(announced.getAsLong(), this.store.retriever());
		if (restored.getVersion() != announced.getAsLong()) {
			throw new IllegalStateException("restored version " + restored.getVersion() + " instead of the announced "
					+ announced.getAsLong() + " from " + this.store.dir());
		}
		this.index = VersionIndex.of(restored.getStateEngine());
		this.version = restored.getVersion();
		logger.info("Restored Hollow state " + this.version + " (" + this.index.size() + " page stages) from "
				+ this.store.dir() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		return announced;
	}

	long version() {
		return this.version;
	}

	/**
	 * Applies the changes of several write requests in one cycle.
	 * @param requests the changes of each request
	 * @return the version containing them and what happened to each request's changes
	 */
	Outcome apply(List<List<PageChanged>> requests) {
		Map<PageKey, PageChanged> winners = new HashMap<>();
		for (List<PageChanged> changes : requests) {
			for (PageChanged change : changes) {
				PageKey key = PageKey.of(change);
				VersionIndex.Entry current = this.index.get(key);
				PageChanged pending = winners.get(key);
				long newest = Math.max((current != null) ? current.version() : Long.MIN_VALUE,
						(pending != null) ? pending.contentVersion() : Long.MIN_VALUE);
				if (change.contentVersion() > newest) {
					winners.put(key, change);
				}
			}
		}
		int[] applied = new int[requests.size()];
		int[] ignored = new int[requests.size()];
		Set<PageChanged> winning = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		winning.addAll(winners.values());
		for (int i = 0; i < requests.size(); i++) {
			for (PageChanged change : requests.get(i)) {
				if (winning.remove(change)) {
					applied[i]++;
				}
				else {
					ignored[i]++;
				}
			}
		}
		if (winners.isEmpty()) {
			return new Outcome(this.version, applied, ignored, 0);
		}
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
		this.version = cycleVersion;
		return new Outcome(cycleVersion, applied, ignored, winners.size());
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
	 * The result of one batch.
	 *
	 * @param version the version that contains the batch (the current one when nothing changed)
	 * @param applied per request, how many of its changes changed the state
	 * @param ignored per request, how many were older than or equal to what the state (or the batch) holds
	 * @param written how many records the cycle wrote
	 */
	record Outcome(long version, int[] applied, int[] ignored, int written) {
	}

}
