package dev.marquee.ingestion.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.Dependency;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.render.PageRenderer;
import dev.marquee.ingestion.render.PageRenderer.Rendered;
import dev.marquee.ingestion.store.DependencyIndex;
import dev.marquee.ingestion.store.DocumentStore;
import dev.marquee.ingestion.store.RenderProblems;
import dev.marquee.ingestion.store.RenderedPages;
import dev.marquee.model.ContentVersionClock;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * Applies a page delivery to the stages its decision names: claims the slug, renders each
 * stage, stores the document and its dependencies and publishes, or publishes the
 * removal; then gives back the slugs the page left. The caller holds the page's lock.
 */
@Component
class PageWrites {

	private final DocumentStore documents;

	private final RenderedPages renderedPages;

	private final DependencyIndex dependencies;

	private final RenderProblems problems;

	private final PageRenderer renderer;

	private final CatalogCache catalogCache;

	private final SlugClaims slugs;

	private final PagePublishing publishing;

	private final ContentVersionClock versions;

	private final Clock clock;

	PageWrites(DocumentStore documents, RenderedPages renderedPages, DependencyIndex dependencies,
			RenderProblems problems, PageRenderer renderer, CatalogCache catalogCache, SlugClaims slugs,
			PagePublishing publishing, ContentVersionClock versions, Clock clock) {
		this.documents = documents;
		this.renderedPages = renderedPages;
		this.dependencies = dependencies;
		this.problems = problems;
		this.renderer = renderer;
		this.catalogCache = catalogCache;
		this.slugs = slugs;
		this.publishing = publishing;
		this.versions = versions;
		this.clock = clock;
	}

	Outcome write(IncomingChange change, VersionRules.Decision decision) {
		Instant ingestedAt = this.clock.instant();
		Set<Stage> stages = decision.stages();
		long version = decision.version();
		String pageId = change.documentId();
		if (change.action().isRemoval()) {
			List<PageChanged> removals = new ArrayList<>();
			for (Stage stage : stages) {
				this.renderedPages.rendered(pageId, stage)
					.filter((rendered) -> !rendered.removed())
					.ifPresent((rendered) -> removals.add(PageChanged.deleted(pageId, stage, rendered.slug(),
							this.versions.next(), ingestedAt, change.traceId())));
			}
			this.documents.removeDocument(ContentType.PAGE, pageId, stages);
			if (change.action() == Action.DELETE) {
				this.dependencies.replaceDependencies(pageId, Set.of());
			}
			for (Stage stage : stages) {
				this.problems.clearProblem(pageId, stage);
			}
			Outcome outcome = this.publishing.publish(removals, version);
			// Released only once the removal is on every path: a page claiming the slug
			// next gets a later content
			// version, so on every read path its row outlives the removed one whatever
			// order they are applied in.
			this.slugs.releaseAll(pageId, stages, null);
			return outcome;
		}
		PageFields fields = NativeFields.read(change.fields(), PageFields.class);
		// Claimed before any content version is drawn for this page (see SlugClaims), and
		// given back on failure.
		List<Stage> claimed = this.slugs.claim(pageId, stages, fields.slug());
		Outcome outcome;
		try {
			List<PageChanged> upserts = new ArrayList<>();
			Set<Dependency> used = new LinkedHashSet<>();
			for (Stage stage : stages) {
				// Both stages see the same document: the first stage's problems (a
				// RenderException) are the answer.
				Rendered rendered = this.renderer.render(pageId, fields, stage,
						new StoreCatalog(this.catalogCache, stage),
						new PageRenderer.Context(this.versions.next(), version, ingestedAt, change.traceId()));
				upserts.add(this.publishing.upsert(rendered));
				used.addAll(rendered.dependencies());
			}
			this.documents.saveDocument(ContentType.PAGE, pageId, stages, version,
					MarqueeJson.mapper().writeValueAsString(fields), change.raw(), change.source());
			if (stages.equals(change.action().stages()) && change.action() == Action.PUBLISH) {
				this.dependencies.replaceDependencies(pageId, used);
			}
			else {
				// A stage kept at a newer version still renders with what it used: keep
				// those dependencies.
				this.dependencies.addDependencies(pageId, used);
			}
			outcome = this.publishing.publish(upserts, version);
		}
		catch (RuntimeException ex) {
			this.slugs.giveBack(pageId, claimed, fields.slug(), ex);
			throw ex;
		}
		// A rename gives the old slug back only now that the page is on every path under
		// its new one.
		this.slugs.releaseAll(pageId, stages, fields.slug());
		return outcome;
	}

}
