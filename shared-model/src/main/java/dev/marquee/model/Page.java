package dev.marquee.model;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A rendered, read-optimized page: what every read path stores and page construction
 * serves.
 *
 * @param pageId the CMS page id; the Kafka key and Hollow primary key (with the stage)
 * @param slug the URL path segment, unique per stage
 * @param stage published or preview
 * @param template the page template that validated it ({@code home}, {@code article},
 * {@code title-hub})
 * @param title the page title
 * @param summary a short description for listings and link previews
 * @param elements the page's elements in order
 * @param contentVersion the rendered version: strictly increasing per page across every
 * re-render, in microseconds since the epoch, so it doubles as Cassandra's write
 * timestamp
 * @param sourceVersion the CMS's own version of the page document that was rendered
 * @param ingestedAt when ingestion accepted the write that produced this version;
 * propagation latency is measured from here
 * @param traceId the id that follows this write from the webhook to the page build
 */
public record Page(String pageId, String slug, Stage stage, String template, String title, @Nullable String summary,
		List<Element> elements, long contentVersion, long sourceVersion, Instant ingestedAt, String traceId) {

	public Page {
		elements = List.copyOf(elements);
	}

	/**
	 * The same page content as another stage, e.g. a publish also refreshes the preview
	 * copy.
	 * @param other the stage to copy to
	 * @return this page with {@code other} as its stage
	 */
	public Page withStage(Stage other) {
		return new Page(this.pageId, this.slug, other, this.template, this.title, this.summary, this.elements,
				this.contentVersion, this.sourceVersion, this.ingestedAt, this.traceId);
	}

}
