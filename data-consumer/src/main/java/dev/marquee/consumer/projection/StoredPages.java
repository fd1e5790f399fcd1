package dev.marquee.consumer.projection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.marquee.consumer.projection.ElementRows.Stored;

/**
 * What this process last wrote to the element tables per page and stage (version, and per
 * position the element id and body hash), so that the next version of a page is compared
 * with it without reading {@code elements_by_page} first. An entry is put only after
 * every write of its version was acknowledged, and removed when a write fails.
 *
 * <p>
 * It is right only while this process is the only writer of a page: the consumer group
 * gives each partition (hence each page) to one consumer, and the whole cache is dropped
 * whenever this process is assigned partitions or loses some
 * ({@link StoredPagesRebalanceListener}), since another process may have written them in
 * between, and when the tables are truncated. Applies of one page in this process (the
 * group and an in-place rebuild) are serialized by {@link ReadModelProjection}. A miss
 * reads the table, whose rows are checked against the digest they were written with.
 * Bounded (least recently used first out), so memory stays flat at any dataset size.
 */
@Component
public class StoredPages {

	/**
	 * About 6 KB per 50-element page stage: 4,096 entries hold 2,048 pages in both
	 * stages, ~25 MB.
	 */
	static final int MAX_ENTRIES = 4096;

	private final Map<Key, Stored> entries = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Stored> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	private long generation;

	synchronized @Nullable Stored get(Key key) {
		return this.entries.get(key);
	}

	/**
	 * @return the current generation; an entry computed in an older one is not put
	 */
	synchronized long generation() {
		return this.generation;
	}

	/**
	 * Remembers what a version left, unless the cache was dropped since the write was
	 * planned (in generation {@code planned}) or holds a newer version.
	 * @param key the page and stage
	 * @param stored what the tables hold now
	 * @param planned the generation the write was planned in
	 */
	synchronized void put(Key key, Stored stored, long planned) {
		if (planned != this.generation) {
			return;
		}
		Stored current = this.entries.get(key);
		if (current == null || current.version() <= stored.version()) {
			this.entries.put(key, stored);
		}
	}

	synchronized void remove(Key key) {
		this.entries.remove(key);
	}

	/**
	 * Forgets everything, e.g. when another process may have written some of the pages.
	 */
	public synchronized void clear() {
		this.entries.clear();
		this.generation++;
	}

	synchronized int size() {
		return this.entries.size();
	}

	/**
	 * A page stage.
	 *
	 * @param pageId the page id
	 * @param stage the stage name
	 */
	record Key(String pageId, String stage) {
	}

}
