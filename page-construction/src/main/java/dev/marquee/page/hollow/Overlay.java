package dev.marquee.page.hollow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.model.writelog.WriteLogEntry;
import dev.marquee.page.source.PageSummary;

/**
 * The in-flight writes of the hollow-producer's log that no installed Hollow state holds
 * yet: per (page, stage) the newest page or removal with its offset, and which slugs
 * those entries claim.
 *
 * <p>
 * One thread writes (the log follower, and the consumer's refresh when a state is
 * installed), under this object's lock; reads are lock-free. A read consults
 * {@link #claimant(String, Stage)} before the state, and
 * {@link #hides(String, Stage, String)} for the page the state maps a slug to: an entry
 * that renamed or removed that page hides the state's old slug at once.
 */
final class Overlay {

	private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

	// The pages whose entry claimed a slug; arrays are replaced, never changed, so
	// readers need no lock.
	private final ConcurrentHashMap<SlugKey, Key[]> claims = new ConcurrentHashMap<>();

	private final Map<Stage, Merged> merged = new EnumMap<>(Stage.class);

	private volatile long applied = WriteLog.NO_OFFSET;

	private volatile long folded = WriteLog.NO_OFFSET;

	private volatile @Nullable String logId;

	private volatile long modifications;

	/**
	 * @return the highest log offset this instance has applied, through the overlay or an
	 * installed state
	 */
	long applied() {
		return this.applied;
	}

	/**
	 * @return the highest offset contained in the installed state
	 */
	long folded() {
		return this.folded;
	}

	/**
	 * @return the log the offsets belong to, once known
	 */
	@Nullable String logId() {
		return this.logId;
	}

	/**
	 * @return how many page stages the overlay holds
	 */
	int size() {
		return this.entries.size();
	}

	boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/**
	 * Applies one log entry.
	 * @param logEntry the entry; entries must come in offset order
	 * @return the entry now in the overlay, or null when the entry was ignored (the
	 * installed state or the overlay already holds it or something newer)
	 * @throws IllegalStateException when the entry does not follow the applied offset (a
	 * gap: resynchronise)
	 */
	synchronized @Nullable Entry apply(WriteLogEntry logEntry) {
		long offset = logEntry.offset();
		if (offset <= this.applied) {
			return null;
		}
		if (offset != this.applied + 1) {
			throw new IllegalStateException("write log gap: applied " + this.applied + ", next entry " + offset);
		}
		this.applied = offset;
		PageChanged change = logEntry.change();
		Key key = new Key(change.pageId(), change.stage());
		Entry previous = this.entries.get(key);
		if (previous != null && previous.contentVersion() > change.contentVersion()) {
			// the writer decides last-write-wins at append time; this only guards against
			// a faulty log
			return null;
		}
		Page page = (change.kind() == PageChanged.ChangeKind.UPSERTED) ? change.page() : null;
		Entry entry = new Entry(offset, change.pageId(), change.stage(), change.slug(), change.contentVersion(), page);
		this.entries.put(key, entry);
		if (previous != null && !previous.removal() && (entry.removal() || !previous.slug().equals(entry.slug()))) {
			unclaim(previous, key);
		}
		if (!entry.removal()) {
			claim(entry, key);
		}
		this.modifications++;
		return entry;
	}

	/**
	 * A Hollow state was installed: drops every entry it contains. Call only once the
	 * state serves reads.
	 * @param stateOffset the highest offset the state contains
	 * @param stateLogId the log the state's offset belongs to, if the state names one
	 */
	synchronized void fold(long stateOffset, @Nullable String stateLogId) {
		if (stateLogId != null && this.logId != null && !stateLogId.equals(this.logId)) {
			// The producer's log was replaced: offsets of the old log say nothing about
			// the new one.
			reset(stateLogId, stateOffset);
			return;
		}
		if (stateLogId != null) {
			this.logId = stateLogId;
		}
		this.folded = Math.max(this.folded, stateOffset);
		this.applied = Math.max(this.applied, stateOffset);
		Iterator<Map.Entry<Key, Entry>> iterator = this.entries.entrySet().iterator();
		boolean changed = false;
		while (iterator.hasNext()) {
			Map.Entry<Key, Entry> next = iterator.next();
			if (next.getValue().offset() <= stateOffset) {
				iterator.remove();
				if (!next.getValue().removal()) {
					unclaim(next.getValue(), next.getKey());
				}
				changed = true;
			}
		}
		if (changed) {
			this.modifications++;
		}
	}

	/**
	 * Names the log followed, when no state or batch named one yet.
	 * @param id the log id
	 */
	synchronized void adoptLog(String id) {
		if (this.logId == null) {
			this.logId = id;
		}
	}

	/**
	 * Forgets every entry: the log is another one than before.
	 * @param newLogId the log followed from now on
	 * @param stateOffset the offset of the installed state in that log
	 * ({@link WriteLog#NO_OFFSET} if unknown)
	 */
	synchronized void reset(String newLogId, long stateOffset) {
		this.entries.clear();
		this.claims.clear();
		this.logId = newLogId;
		this.folded = stateOffset;
		this.applied = stateOffset;
		this.modifications++;
	}

	/**
	 * The overlay's page for a slug: the newest entry, by offset, whose page has this
	 * slug now.
	 * @param slug the slug
	 * @param stage the stage
	 * @return the entry (an upsert), or null when the overlay holds no page with this
	 * slug
	 */
	@Nullable Entry claimant(String slug, Stage stage) {
		if (this.entries.isEmpty()) {
			return null;
		}
		Key[] keys = this.claims.get(new SlugKey(slug, stage));
		if (keys == null) {
			return null;
		}
		Entry best = null;
		for (Key key : keys) {
			Entry entry = this.entries.get(key);
			if (entry != null && !entry.removal() && entry.slug().equals(slug)
					&& (best == null || entry.offset() > best.offset())) {
				best = entry;
			}
		}
		return best;
	}

	/**
	 * Whether the overlay hides the state's page for a slug: the page was removed or
	 * renamed after the state.
	 * @param pageId the page the state maps the slug to
	 * @param stage the stage
	 * @param slug the slug looked up
	 * @return true when the slug must not resolve to that page
	 */
	boolean hides(String pageId, Stage stage, String slug) {
		if (this.entries.isEmpty()) {
			return false;
		}
		Entry entry = this.entries.get(new Key(pageId, stage));
		return entry != null && (entry.removal() || !entry.slug().equals(slug));
	}

	/**
	 * @param pageId a page
	 * @param stage a stage
	 * @return the overlay's entry for it, if any
	 */
	@Nullable Entry entry(String pageId, Stage stage) {
		return this.entries.isEmpty() ? null : this.entries.get(new Key(pageId, stage));
	}

	/**
	 * The listing of a stage with the overlay on the state's: pages the overlay changed,
	 * added or removed replace the state's, and a slug claimed in the overlay is no
	 * longer listed for the state's page.
	 * @param stage the stage
	 * @param state the state's listing, ordered by slug
	 * @return the merged listing, ordered by slug; the same list while neither side
	 * changes
	 */
	List<PageSummary> listing(Stage stage, List<PageSummary> state) {
		if (this.entries.isEmpty()) {
			return state;
		}
		long modification = this.modifications;
		Merged cached;
		synchronized (this.merged) {
			cached = this.merged.get(stage);
		}
		if (cached != null && cached.state == state && cached.modification == modification) {
			return cached.listing;
		}
		Map<String, Entry> byPage = new HashMap<>();
		Set<String> claimed = new HashSet<>();
		List<PageSummary> listing = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			if (entry.stage() != stage) {
				continue;
			}
			byPage.put(entry.pageId(), entry);
			if (!entry.removal() && claimant(entry.slug(), stage) == entry) {
				claimed.add(entry.slug());
				listing
					.add(new PageSummary(entry.pageId(), entry.slug(), entry.page().title(), entry.contentVersion()));
			}
		}
		if (byPage.isEmpty()) {
			return state;
		}
		for (PageSummary summary : state) {
			if (!byPage.containsKey(summary.pageId()) && !claimed.contains(summary.slug())) {
				listing.add(summary);
			}
		}
		listing.sort(Listings.ORDER);
		List<PageSummary> result = List.copyOf(listing);
		synchronized (this.merged) {
			this.merged.put(stage, new Merged(state, modification, result));
		}
		return result;
	}

	private void claim(Entry entry, Key key) {
		this.claims.compute(new SlugKey(entry.slug(), entry.stage()), (slug, keys) -> {
			if (keys == null) {
				return new Key[] { key };
			}
			for (Key existing : keys) {
				if (existing.equals(key)) {
					return keys;
				}
			}
			Key[] more = java.util.Arrays.copyOf(keys, keys.length + 1);
			more[keys.length] = key;
			return more;
		});
	}

	private void unclaim(Entry entry, Key key) {
		this.claims.computeIfPresent(new SlugKey(entry.slug(), entry.stage()), (slug, keys) -> {
			Key[] fewer = java.util.Arrays.stream(keys).filter((k) -> !k.equals(key)).toArray(Key[]::new);
			return (fewer.length == 0) ? null : fewer;
		});
	}

	/**
	 * The newest change of one page stage from the log.
	 *
	 * @param offset its log offset
	 * @param pageId the page
	 * @param stage the stage
	 * @param slug the page's slug (for a removal, the slug it had)
	 * @param contentVersion the version of the change
	 * @param page the page, or null for a removal
	 */
	record Entry(long offset, String pageId, Stage stage, String slug, long contentVersion, @Nullable Page page) {

		boolean removal() {
			return this.page == null;
		}

		@Override
		public Page page() {
			return Objects.requireNonNull(this.page, "a removal has no page");
		}

	}

	private record Key(String pageId, Stage stage) {
	}

	private record SlugKey(String slug, Stage stage) {
	}

	private record Merged(List<PageSummary> state, long modification, List<PageSummary> listing) {
	}

}
