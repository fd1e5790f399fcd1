package dev.marquee.page.hollow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.netflix.hollow.api.objects.generic.GenericHollowObject;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.schema.HollowObjectSchema;
import com.netflix.hollow.core.schema.HollowObjectSchema.FieldType;

import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.page.source.PageSummary;

/**
 * The listing of each stage, ordered by slug, kept up to date from each delta's removed
 * and added page ordinals instead of being rebuilt from every record of the state: a
 * delta reads only the records it changed from Hollow (a changed page is a removed and an
 * added ordinal) and merges them into the previous listing.
 *
 * <p>
 * It keeps the state's {@link SlugIndex} the same way. Only the consumer's refresh thread
 * calls {@link #rebuild} and {@link #update}; the listings they return are immutable and
 * safe to share, the index is safe to read while they run.
 */
final class Listings {

	static final Comparator<PageSummary> ORDER = Comparator.comparing(PageSummary::slug)
		.thenComparing(PageSummary::pageId);

	// what each populated ordinal was listed as, so a removed ordinal is found without
	// reading Hollow
	private PageSummary[] summaries = new PageSummary[0];

	private Stage[] stages = new Stage[0];

	private Map<Stage, List<PageSummary>> current = empty();

	private SlugIndex index = new SlugIndex();

	/**
	 * @return the listings of the last state
	 */
	Map<Stage, List<PageSummary>> current() {
		return this.current;
	}

	/**
	 * @return the (slug, stage) index of the last state: a new one after
	 * {@link #rebuild}, the same one updated in place by {@link #update}
	 */
	SlugIndex index() {
		return this.index;
	}

	/**
	 * Lists every page of a state (after a snapshot).
	 * @param engine the state
	 * @param populated its page ordinals
	 * @return the listings
	 */
	Map<Stage, List<PageSummary>> rebuild(HollowReadStateEngine engine, BitSet populated) {
		this.summaries = new PageSummary[populated.length()];
		this.stages = new Stage[populated.length()];
		SlugIndex rebuilt = new SlugIndex();
		Map<Stage, List<PageSummary>> listings = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			listings.put(stage, new ArrayList<>());
		}
		for (int ordinal = populated.nextSetBit(0); ordinal >= 0; ordinal = populated.nextSetBit(ordinal + 1)) {
			PageSummary summary = read(engine, ordinal);
			listings.get(this.stages[ordinal]).add(summary);
			rebuilt.put(summary.slug(), this.stages[ordinal], ordinal);
		}
		this.index = rebuilt;
		Map<Stage, List<PageSummary>> sorted = new EnumMap<>(Stage.class);
		listings.forEach((stage, list) -> {
			PageSummary[] array = list.toArray(PageSummary[]::new);
			Arrays.sort(array, ORDER);
			sorted.put(stage, Collections.unmodifiableList(Arrays.asList(array)));
		});
		this.current = Collections.unmodifiableMap(sorted);
		return this.current;
	}

	/**
	 * Applies a delta: drops the removed ordinals' pages and merges the added ones.
	 * @param engine the state after the delta
	 * @param removed ordinals populated before the delta and not after
	 * @param added ordinals populated after the delta and not before
	 * @return the listings
	 */
	Map<Stage, List<PageSummary>> update(HollowReadStateEngine engine, BitSet removed, BitSet added) {
		Map<Stage, List<PageSummary>> gone = new EnumMap<>(Stage.class);
		List<Runnable> unindex = new ArrayList<>();
		for (int ordinal = removed.nextSetBit(0); ordinal >= 0; ordinal = removed.nextSetBit(ordinal + 1)) {
			if (ordinal < this.summaries.length && this.summaries[ordinal] != null) {
				PageSummary summary = this.summaries[ordinal];
				Stage stage = this.stages[ordinal];
				gone.computeIfAbsent(stage, (s) -> new ArrayList<>()).add(summary);
				int removedOrdinal = ordinal;
				unindex.add(() -> this.index.remove(summary.slug(), stage, removedOrdinal));
				this.summaries[ordinal] = null;
				this.stages[ordinal] = null;
			}
		}
		Map<Stage, List<PageSummary>> fresh = new EnumMap<>(Stage.class);
		for (int ordinal = added.nextSetBit(0); ordinal >= 0; ordinal = added.nextSetBit(ordinal + 1)) {
			PageSummary summary = read(engine, ordinal);
			fresh.computeIfAbsent(this.stages[ordinal], (s) -> new ArrayList<>()).add(summary);
			this.index.put(summary.slug(), this.stages[ordinal], ordinal);
		}
		// Only after every added ordinal is in: an edited page (a removed and an added
		// ordinal) is never missing.
		unindex.forEach(Runnable::run);
		Map<Stage, List<PageSummary>> next = new EnumMap<>(this.current);
		for (Stage stage : Stage.values()) {
			List<PageSummary> removedHere = gone.getOrDefault(stage, List.of());
			List<PageSummary> addedHere = fresh.getOrDefault(stage, List.of());
			if (!removedHere.isEmpty() || !addedHere.isEmpty()) {
				next.put(stage, merge(this.current.getOrDefault(stage, List.of()), removedHere, addedHere));
			}
		}
		this.current = Collections.unmodifiableMap(next);
		return this.current;
	}

	private static List<PageSummary> merge(List<PageSummary> previous, List<PageSummary> removed,
			List<PageSummary> added) {
		PageSummary[] adds = added.toArray(PageSummary[]::new);
		Arrays.sort(adds, ORDER);
		// the removed summaries are the very objects listed before: find them by identity
		java.util.Set<PageSummary> drop = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		drop.addAll(removed);
		PageSummary[] merged = new PageSummary[previous.size() - drop.size() + adds.length];
		int out = 0;
		int a = 0;
		for (PageSummary summary : previous) {
			if (drop.contains(summary)) {
				continue;
			}
			while (a < adds.length && ORDER.compare(adds[a], summary) < 0) {
				merged[out++] = adds[a++];
			}
			merged[out++] = summary;
		}
		while (a < adds.length) {
			merged[out++] = adds[a++];
		}
		return Collections.unmodifiableList(Arrays.asList(merged));
	}

	private PageSummary read(HollowReadStateEngine engine, int ordinal) {
		GenericHollowObject page = new GenericHollowObject(engine, HollowPage.TYPE, ordinal);
		PageSummary summary = new PageSummary(string(page, "pageId"), string(page, "slug"), string(page, "title"),
				page.getLong("contentVersion"));
		if (ordinal >= this.summaries.length) {
			int size = Math.max(ordinal + 1, this.summaries.length * 2);
			this.summaries = Arrays.copyOf(this.summaries, size);
			this.stages = Arrays.copyOf(this.stages, size);
		}
		this.summaries[ordinal] = summary;
		this.stages[ordinal] = Stage.valueOf(string(page, "stage"));
		return summary;
	}

	private static Map<Stage, List<PageSummary>> empty() {
		Map<Stage, List<PageSummary>> empty = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			empty.put(stage, List.of());
		}
		return Collections.unmodifiableMap(empty);
	}

	/**
	 * A string field of a Hollow record, inline or a reference to a string record; empty
	 * when absent.
	 */
	static String string(GenericHollowObject object, String field) {
		HollowObjectSchema schema = object.getSchema();
		if (schema.getFieldType(field) == FieldType.REFERENCE) {
			GenericHollowObject referenced = object.getObject(field);
			return (referenced != null) ? referenced.getString("value") : "";
		}
		String value = object.getString(field);
		return (value != null) ? value : "";
	}

}
