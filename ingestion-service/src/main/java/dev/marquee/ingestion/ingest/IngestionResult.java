package dev.marquee.ingestion.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.Stage;

/**
 * The answer to an accepted webhook delivery.
 *
 * @param source the CMS
 * @param deliveryId the delivery's de-duplication key
 * @param duplicate true when this delivery was processed before (nothing happened now)
 * @param ignored true when the delivery is older than the stored document (nothing
 * happened)
 * @param reason why it was ignored, or which stages kept a newer version when it changed
 * only some
 * @param contentType the document's type
 * @param documentId the document's id
 * @param version the CMS version applied
 * @param action the action applied
 * @param pages the page stages published by this delivery
 * @param renderProblems pages that could not be re-rendered; their last good version
 * stays live
 * @param consistencyToken where the write stands on each path (also the
 * {@code Marquee-Consistency-Token} header); null when nothing was published
 */
public record IngestionResult(String source, String deliveryId, boolean duplicate, boolean ignored,
		@Nullable String reason, @Nullable String contentType, @Nullable String documentId, @Nullable Long version,
		@Nullable String action, List<AffectedPage> pages, List<FailedPage> renderProblems,
		@Nullable String consistencyToken) {

	static IngestionResult duplicate(IncomingChange change) {
		return new IngestionResult(change.source(), change.deliveryId(), true, false, "duplicate delivery",
				change.type().wireName(), change.documentId(), change.version(), change.action().wireName(), List.of(),
				List.of(), null);
	}

	public static IngestionResult ignored(IncomingChange change, String reason) {
		return new IngestionResult(change.source(), change.deliveryId(), false, true, reason, change.type().wireName(),
				change.documentId(), change.version(), change.action().wireName(), List.of(), List.of(), null);
	}

	/**
	 * One page stage published.
	 *
	 * @param pageId the page
	 * @param stage the stage
	 * @param slug its slug
	 * @param change upserted or deleted
	 * @param contentVersion the new content version
	 */
	public record AffectedPage(String pageId, Stage stage, String slug, ChangeKind change, long contentVersion) {
	}

	/**
	 * A page stage whose re-render failed.
	 *
	 * @param pageId the page
	 * @param stage the stage
	 * @param problems what went wrong
	 */
	public record FailedPage(String pageId, Stage stage, List<String> problems) {
	}

}
