package dev.marquee.model;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one event every write path carries: a page of one stage was rendered anew, or
 * removed.
 *
 * <p>
 * Stores apply it last-write-wins by {@link #contentVersion()}: a duplicate or an older
 * change never overwrites a newer one, so at-least-once delivery and replays are
 * harmless. On Kafka the record key is {@link #pageId()}, which keeps the changes of one
 * page in order.
 *
 * @param kind upsert or delete
 * @param pageId the page
 * @param stage which copy of the page
 * @param slug the page's slug at this version (for a delete, the slug it had)
 * @param previousSlug the slug the page had before, when this change renames it; stores
 * drop the old one
 * @param contentVersion the rendered version, see {@link Page#contentVersion()}
 * @param ingestedAt when ingestion accepted the write
 * @param traceId the id that follows this write through every service
 * @param page the rendered page for an upsert; null for a delete
 */
public record PageChanged(ChangeKind kind, String pageId, Stage stage, String slug, @Nullable String previousSlug,
		long contentVersion, Instant ingestedAt, String traceId, @Nullable Page page) {

	public PageChanged {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(pageId, "pageId");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(slug, "slug");
		if (kind == ChangeKind.UPSERTED && page == null) {
			throw new IllegalArgumentException("an upsert of page " + pageId + " must carry the page");
		}
	}

	/**
	 * An upsert carrying the rendered page.
	 * @param page the page
	 * @param previousSlug the slug it had before, if it changed
	 * @return the change
	 */
	public static PageChanged upserted(Page page, @Nullable String previousSlug) {
		String renamedFrom = (previousSlug != null && !previousSlug.equals(page.slug())) ? previousSlug : null;
		return new PageChanged(ChangeKind.UPSERTED, page.pageId(), page.stage(), page.slug(), renamedFrom,
				page.contentVersion(), page.ingestedAt(), page.traceId(), page);
	}

	/**
	 * A removal of one stage of a page (unpublish removes {@link Stage#PUBLISHED}, delete
	 * removes both).
	 * @param pageId the page
	 * @param stage the stage removed
	 * @param slug the slug it had
	 * @param contentVersion the version of the removal, newer than the last upsert
	 * @param ingestedAt when ingestion accepted it
	 * @param traceId the trace id
	 * @return the change
	 */
	public static PageChanged deleted(String pageId, Stage stage, String slug, long contentVersion, Instant ingestedAt,
			String traceId) {
		return new PageChanged(ChangeKind.DELETED, pageId, stage, slug, null, contentVersion, ingestedAt, traceId,
				null);
	}

	/** Whether a change replaces the content of a page or removes it. */
	public enum ChangeKind {

		/** The page was rendered anew; {@link PageChanged#page()} holds it. */
		UPSERTED,

		/** The page's stage was removed (a versioned tombstone). */
		DELETED

	}

}
