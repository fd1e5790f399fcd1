package dev.marquee.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;

/**
 * Deterministic page changes for tests: the same arguments always give the same bytes.
 */
final class TestChanges {

	/**
	 * A content version in microseconds since the epoch, like
	 * {@code ContentVersionClock}'s.
	 */
	static final long BASE_VERSION = 1_764_000_000_000_000L;

	private TestChanges() {
	}

	static Page page(String pageId, String slug, Stage stage, long version, int elementCount,
			@Nullable String summary) {
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < elementCount; i++) {
			elements.add(new Element(pageId + "-e" + i, (i == 0) ? ElementType.HERO : ElementType.RICH_TEXT, i,
					Map.of("html", "<p>" + pageId + " v" + version + " #" + i + "</p>"), List.of(), List.of(),
					List.of()));
		}
		return new Page(pageId, slug, stage, "article", "Title of " + pageId + " v" + version, summary, elements,
				version, version / 1000, Instant.ofEpochSecond(version / 1_000_000), "trace-" + pageId + "-" + version);
	}

	static PageChanged upsert(String pageId, String slug, long version, int elementCount) {
		return PageChanged.upserted(page(pageId, slug, Stage.PUBLISHED, version, elementCount, "Summary " + version),
				null);
	}

	static PageChanged renamed(String pageId, String slug, String previousSlug, long version, int elementCount) {
		return PageChanged.upserted(page(pageId, slug, Stage.PUBLISHED, version, elementCount, null), previousSlug);
	}

	static PageChanged deleted(String pageId, String slug, long version) {
		return PageChanged.deleted(pageId, Stage.PUBLISHED, slug, version, Instant.ofEpochSecond(version / 1_000_000),
				"trace-" + pageId + "-" + version);
	}

	/**
	 * A stream mixing every kind of change: for each page several versions with changing
	 * element counts, a rename, and for every fifth page a delete at the end; versions
	 * only grow per page.
	 */
	static List<PageChanged> stream(String prefix, int pages, int versionsPerPage) {
		List<PageChanged> changes = new ArrayList<>();
		for (int v = 0; v < versionsPerPage; v++) {
			for (int p = 0; p < pages; p++) {
				String pageId = prefix + "page-" + p;
				long version = BASE_VERSION + (long) v * 1_000_000 + p;
				String slug = prefix + "slug-" + p + ((v == versionsPerPage - 1) ? "-renamed" : "");
				int elementCount = 1 + ((p + v) % 4);
				if (v == versionsPerPage - 1) {
					changes.add(renamed(pageId, slug, prefix + "slug-" + p, version, elementCount));
				}
				else {
					changes.add(upsert(pageId, slug, version, elementCount));
				}
			}
		}
		for (int p = 0; p < pages; p += 5) {
			changes.add(deleted(prefix + "page-" + p, prefix + "slug-" + p + "-renamed",
					BASE_VERSION + (long) versionsPerPage * 1_000_000 + p));
		}
		return changes;
	}

}
