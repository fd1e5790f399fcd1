package dev.marquee.ingestion.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.marquee.ingestion.ingest.IngestionResult.AffectedPage;
import dev.marquee.ingestion.publish.Publisher;
import dev.marquee.ingestion.publish.Publisher.Published;
import dev.marquee.ingestion.render.PageRenderer.Rendered;
import dev.marquee.ingestion.store.RenderProblems;
import dev.marquee.ingestion.store.RenderedPages;
import dev.marquee.ingestion.store.RenderedPages.RenderedPage;
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

	private final RenderProblems problems;

	PagePublishing(Publisher publisher, RenderedPages renderedPages, RenderProblems problems) {
		this.publisher = publisher;
		this.renderedPages = renderedPages;
		this.problems = problems;
	}

	/**
	 * The change a rendering makes, naming the slug the page leaves if it had another.
	 * @param rendered the rendered page
	 * @return the upsert
	 */
	PageChanged upsert(Rendered rendered) {
		String previousSlug = this.renderedPages.rendered(rendered.page().pageId(), rendered.page().stage())
			.filter((previous) -> !previous.removed())
			.map(RenderedPage::slug)
			.orElse(null);
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
		if (changes.isEmpty()) {
			return Outcome.nothing();
		}
		Published published = this.publisher.publish(changes);
		List<AffectedPage> pages = new ArrayList<>();
		Map<String, Long> pageVersions = new TreeMap<>();
		for (PageChanged change : changes) {
			if (change.page() != null) {
				this.renderedPages.saveRendered(change.page());
				this.problems.clearProblem(change.pageId(), change.stage());
			}
			else {
				this.renderedPages.saveRemoved(change.pageId(), change.stage(), change.slug(), change.contentVersion(),
						sourceVersion);
			}
			pages.add(new AffectedPage(change.pageId(), change.stage(), change.slug(), change.kind(),
					change.contentVersion()));
			pageVersions.merge(change.pageId(), change.contentVersion(), Math::max);
		}
		ConsistencyToken token = new ConsistencyToken(published.kafkaOffsets(), published.hollowOffset(), pageVersions);
		return new Outcome(pages, List.of(), token);
	}

}
