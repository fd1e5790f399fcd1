package dev.marquee.page.hollow;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.model.Stage;

/**
 * Which page ordinal of the installed Hollow state holds each (slug, stage), kept by
 * {@link Listings} from each delta's removed and added ordinals: the cost of a delta is
 * the pages it changed, not the pages of the state (Hollow's own
 * {@code HollowPrimaryKeyIndex} rebuilds itself on every delta unless its experimental
 * delta update is switched on). Readers look up concurrently while the refresh thread
 * updates it; an added ordinal is put before a removed one is taken out, so a page edited
 * in place never goes missing in between.
 */
final class SlugIndex {

	private final Map<Stage, ConcurrentHashMap<String, Integer>> ordinals = new EnumMap<>(Stage.class);

	SlugIndex() {
		for (Stage stage : Stage.values()) {
			this.ordinals.put(stage, new ConcurrentHashMap<>());
		}
	}

	/**
	 * @param slug the slug
	 * @param stage the stage
	 * @return the ordinal of the page holding it, -1 when none does
	 */
	int ordinal(String slug, Stage stage) {
		Integer ordinal = this.ordinals.get(stage).get(slug);
		return (ordinal != null) ? ordinal : -1;
	}

	void put(String slug, Stage stage, int ordinal) {
		this.ordinals.get(stage).put(slug, ordinal);
	}

	/**
	 * Takes a slug out only while it still points at this ordinal (a later page may hold
	 * it already).
	 */
	void remove(String slug, Stage stage, int ordinal) {
		this.ordinals.get(stage).remove(slug, ordinal);
	}

	int size() {
		return this.ordinals.values().stream().mapToInt(Map::size).sum();
	}

}
