package dev.marquee.ingestion.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.ingest.IngestionResult.FailedPage;
import dev.marquee.ingestion.render.PageRenderer;
import dev.marquee.ingestion.render.PageRenderer.Rendered;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.render.Violation;
import dev.marquee.ingestion.store.DependencyIndex;
import dev.marquee.ingestion.store.DocumentStore;
import dev.marquee.ingestion.store.DocumentStore.StoredDocument;
import dev.marquee.ingestion.store.RenderProblems;
import dev.marquee.model.ContentVersionClock;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * Re-renders stored pages (after a catalog change, or to regenerate them) and republishes
 * them in batches. A page stage that fails to render is listed as a render problem and
 * publishes nothing, so its last good version stays live. The caller holds the exclusive
 * catalog lock.
 */
@Component
class Rerendering {

	private static final Logger logger = LoggerFactory.getLogger(Rerendering.class);

	// Keeps one hollow-producer request and one Kafka batch at a sane size during fan-out
	// and regenerate.
	private static final int PUBLISH_BATCH = 100;

	private final DocumentStore documents;

	private final DependencyIndex dependencies;

	private final RenderProblems problems;

	private final PageRenderer renderer;

	private final CatalogCache catalogCache;

	private final SlugClaims slugs;

	private final PagePublishing publishing;

	private final ContentVersionClock versions;

	Rerendering(DocumentStore documents, DependencyIndex dependencies, RenderProblems problems, PageRenderer renderer,
			CatalogCache catalogCache, SlugClaims slugs, PagePublishing publishing, ContentVersionClock versions) {
		this.documents = documents;
		this.dependencies = dependencies;
		this.problems = problems;
		this.renderer = renderer;
		this.catalogCache = catalogCache;
		this.slugs = slugs;
		this.publishing = publishing;
		this.versions = versions;
	}

	Outcome rerender(Collection<String> pageIds, Set<Stage> stages, String trigger, Instant ingestedAt,
			String traceId) {
		List<PageChanged> upserts = new ArrayList<>();
		List<FailedPage> failed = new ArrayList<>();
		for (String pageId : pageIds) {
			for (Stage stage : stages) {
				Optional<StoredDocument> document = this.documents.document(ContentType.PAGE, pageId, stage);
				if (document.isEmpty()) {
					continue;
				}
				try {
					PageFields fields = MarqueeJson.mapper().readValue(document.get().body(), PageFields.class);
					Optional<String> holder = this.slugs.holderForRerender(pageId, stage, fields.slug());
					if (holder.isPresent()) {
						// Two pages shared the slug before slugs were claimed; the other
						// one keeps it.
						throw new RenderException(List.of(new Violation("slug",
								"'" + fields.slug() + "' is held by page " + holder.get(), Violation.Kind.TEMPLATE)));
					}
					Rendered rendered = this.renderer.render(pageId, fields, stage,
							new StoreCatalog(this.catalogCache, stage), new PageRenderer.Context(this.versions.next(),
									document.get().version(), ingestedAt, traceId));
					upserts.add(this.publishing.upsert(rendered));
					this.dependencies.addDependencies(pageId, rendered.dependencies());
				}
				catch (RenderException ex) {
					List<String> messages = ex.violations().stream().map(Violation::toString).toList();
					logger.warn("Re-render of page {} ({}) after {} failed; its last good version stays live: {}",
							pageId, stage, trigger, messages);
					this.problems.saveProblem(pageId, stage, trigger, messages);
					failed.add(new FailedPage(pageId, stage, messages));
				}
			}
		}
		Outcome outcome = new Outcome(List.of(), failed, null);
		for (int from = 0; from < upserts.size(); from += PUBLISH_BATCH) {
			List<PageChanged> batch = upserts.subList(from, Math.min(upserts.size(), from + PUBLISH_BATCH));
			outcome = outcome.and(this.publishing.publish(batch, 0));
		}
		return outcome;
	}

}
