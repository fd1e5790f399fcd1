package dev.marquee.ingestion.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import dev.marquee.ingestion.ingest.IngestionResult.AffectedPage;
import dev.marquee.ingestion.publish.Publisher;
import dev.marquee.ingestion.publish.Publisher.Published;
import dev.marquee.ingestion.render.PageRenderer.Rendered;
import dev.marquee.ingestion.store.RenderedPages;
import dev.marquee.ingestion.store.RenderedPages.RenderedPage;
import dev.marquee.ingestion.store.StoreRequests;
import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.PageChanged;

/**
 * Publishes page changes to every write path and, once every path accepted them, records
 * them as the pages' last rendered versions.
 */
@Component
class PagePublishing {

	private final Publisher publisher;

	private final RenderedPages renderedPages;

	PagePublishing(Publisher publisher, RenderedPages renderedPages) {
		this.publisher = publisher;
		this.renderedPages = renderedPages;
	}

	/**
	 * The change a rendering makes, naming the slug the page leaves if it had another.
	 * @param rendered the rendered page
	 * @return the upsert
	 */
	PageChanged upsert(Rendered rendered) {
		return upsert(rendered, this.renderedPages.rendered(rendered.page().pageId(), rendered.page().stage()));
	}

	/**
	 * The change a rendering makes, naming the slug the page leaves if it had another.
	 * @param rendered the rendered page
	 * @param last what was last published for its stage, read when its delivery began
	 * @return the upsert
	 */
	static PageChanged upsert(Rendered rendered, Optional<RenderedPage> last) {
		String previousSlug = last.filter((previous) -> !previous.removed()).map(RenderedPage::slug).orElse(null);
		return PageChanged.upserted(rendered.page(), previousSlug);
	}

	/**
	 * Publishes changes and records them.
	 * @param changes the changes, possibly none
	 * @param sourceVersion the CMS version recorded with a removal
	 * @return the pages published and where they stand on each path
	 * @throws dev.marquee.ingestion.publish.WritePathUnavailableException when a path did
	 * not accept them; nothing is recorded then
	 */
	Outcome publish(List<PageChanged> changes, long sourceVersion) {
		List<CompletableFuture<?>> records = new ArrayList<>();
		Outcome outcome = publish(changes, sourceVersion, records);
		StoreRequests.awaitAll(records);
		return outcome;
	}

	/**
	 * Publishes changes and starts recording them, without waiting for the records, so
	 * that the caller awaits them together with its own writes.
	 * @param changes the changes, possibly none
	 * @param sourceVersion the CMS version recorded with a removal
	 * @param records where the records' requests are added; the caller must await them
	 * before answering
	 * @return the pages published and where they stand on each path
	 * @throws dev.marquee.ingestion.publish.WritePathUnavailableException when a path did
	 * not accept them; nothing is recorded then
	 */
	Outcome publish(List<PageChanged> changes, long sourceVersion, List<CompletableFuture<?>> records) {
		if (changes.isEmpty()) {
			return Outcome.nothing();
		}
		Published published = this.publisher.publish(changes);
		// Rendered rows and cleared problems, one request per page, only now that every
		// path accepted the changes.
		records.add(this.renderedPages.recordAccepted(changes, sourceVersion));
		List<AffectedPage> pages = new ArrayList<>();
		Map<String, Long> pageVersions = new TreeMap<>();
		for (PageChanged change : changes) {
			pages.add(new AffectedPage(change.pageId(), change.stage(), change.slug(), change.kind(),
					change.contentVersion()));
			pageVersions.merge(change.pageId(), change.contentVersion(), Math::max);
		}
		ConsistencyToken token = new ConsistencyToken(published.kafkaOffsets(), published.hollowOffset(), pageVersions);
		return new Outcome(pages, List.of(), token);
	}

}
