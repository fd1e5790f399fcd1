package dev.marquee.hollowproducer.write;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import com.netflix.hollow.api.objects.generic.GenericHollowObject;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.read.engine.HollowTypeReadState;
import org.jspecify.annotations.Nullable;

import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;

/**
 * The content version of every page stage, and of every removed one: the basis of
 * last-write-wins. The cycle thread keeps one of what the state holds; the appender keeps
 * one of the state plus every durable log entry. Neither is shared between threads.
 */
final class VersionIndex {

	private final Map<PageKey, Entry> entries = new HashMap<>();

	/**
	 * Rebuilds the index from a restored state.
	 * @param state the restored read state
	 * @return the index
	 */
	static VersionIndex of(HollowReadStateEngine state) {
		VersionIndex index = new VersionIndex();
		index.load(state, HollowPage.TYPE, false);
		index.load(state, PageTombstone.TYPE, true);
		return index;
	}

	private void load(HollowReadStateEngine state, String type, boolean deleted) {
		HollowTypeReadState typeState = state.getTypeState(type);
		if (typeState == null) {
			return;
		}
		BitSet ordinals = typeState.getPopulatedOrdinals();
		for (int ordinal = ordinals.nextSetBit(0); ordinal >= 0; ordinal = ordinals.nextSetBit(ordinal + 1)) {
			GenericHollowObject record = new GenericHollowObject(state, type, ordinal);
			PageKey key = new PageKey(string(record, "pageId"), Stage.valueOf(string(record, "stage")));
			put(key, new Entry(record.getLong("contentVersion"), deleted));
		}
	}

	private static String string(GenericHollowObject record, String field) {
		return record.getObject(field).getString("value");
	}

	@Nullable Entry get(PageKey key) {
		return this.entries.get(key);
	}

	void put(PageKey key, Entry entry) {
		Entry current = this.entries.get(key);
		if (current == null || current.version() <= entry.version()) {
			this.entries.put(key, entry);
		}
	}

	int size() {
		return this.entries.size();
	}

	/**
	 * What the state holds for a key.
	 *
	 * @param version the content version of the page, or of its removal
	 * @param deleted whether the stage was removed
	 */
	record Entry(long version, boolean deleted) {
	}

}
