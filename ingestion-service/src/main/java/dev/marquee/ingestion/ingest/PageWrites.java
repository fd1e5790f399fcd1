package dev.marquee.ingestion.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
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
import dev.marquee.ingestion.store.RenderedPages.RenderedPage;
import dev.marquee.ingestion.store.StoreRequests;
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

	/**
	 * Starts every read a delivery of the page needs, so that they are in flight together
	 * with the delivery and state lookups: the rendered rows, the dependencies and slug
	 * claims of the page, and who holds the slug it asks for. Only the page's own
	 * deliveries (under its lock) and re-renders (under the exclusive lock) change them.
	 * @param change the delivery
	 * @return the reads
	 */
	Reads read(IncomingChange change) {
		String pageId = change.documentId();
		PageFields fields = null;
		if (!change.action().isRemoval()) {
			try {
				fields = NativeFields.read(change.fields(), PageFields.class);
			}
			catch (IngestionRefusedException ex) {
				// Refused by write(), after the delivery and version checks, as before.
			}
		}
		return new Reads(fields, this.renderedPages.renderedStages(pageId), this.dependencies.dependenciesOf(pageId),
				this.slugs.held(pageId),
				this.slugs.owners(change.action().stages(), (fields != null) ? fields.slug() : null));
	}

	/**
	 * Applies a delivery and publishes it; the writes that follow publishing are added to
	 * {@code after}, for the caller to await with the document's state.
	 * @param change the delivery
	 * @param decision what it changes
	 * @param reads its reads ({@link #read})
	 * @param after where the writes after publishing are added
	 * @return what was published
	 */
	Outcome write(IncomingChange change, VersionRules.Decision decision, Reads reads,
			List<CompletableFuture<?>> after) {
		Instant ingestedAt = this.clock.instant();
		Set<Stage> stages = decision.stages();
		long version = decision.version();
		String pageId = change.documentId();
		if (change.action().isRemoval()) {
			Loaded loaded = reads.load();
			List<PageChanged> removals = new ArrayList<>();
			for (Stage stage : stages) {
				Optional.ofNullable(loaded.rendered().get(stage))
					.filter((rendered) -> !rendered.removed())
					.ifPresent((rendered) -> removals.add(PageChanged.deleted(pageId, stage, rendered.slug(),
							this.versions.next(), ingestedAt, change.traceId())));
			}
			List<CompletableFuture<?>> before = new ArrayList<>();
			before.add(this.documents.removeDocument(ContentType.PAGE, pageId, stages));
			if (change.action() == Action.DELETE) {
				before.add(this.dependencies.replaceDependencies(pageId, loaded.dependencies(), Set.of()));
			}
			before.add(this.problems.clearProblems(pageId, stages));
			StoreRequests.awaitAll(before);
			Outcome outcome = this.publishing.publish(removals, version, after);
			// Released only once the removal is on every path: a page claiming the slug
			// next gets a later content version, so on every read path its row outlives
			// the removed one whatever order they are applied in.
			after.add(this.slugs.releaseAll(pageId, stages, null, loaded.held()));
			return outcome;
		}
		PageFields fields = (reads.fields() != null) ? reads.fields()
				: NativeFields.read(change.fields(), PageFields.class);
		Loaded loaded = reads.load();
		// Claimed before any content version is drawn for this page (see SlugClaims), and
		// given back on failure.
		List<Stage> claimed = this.slugs.claim(pageId, stages, fields.slug(), loaded.owners());
		Outcome outcome;
		try {
			List<PageChanged> upserts = new ArrayList<>();
			Set<Dependency> used = new LinkedHashSet<>();
			Rendered first = null;
			StoreCatalog firstCatalog = null;
			for (Stage stage : stages) {
				// Both stages see the same document: the first stage's problems (a
				// RenderException) are the answer, and a stage whose catalog answers
				// alike is that rendering again.
				StoreCatalog catalog = new StoreCatalog(this.catalogCache, stage);
				PageRenderer.Context context = new PageRenderer.Context(this.versions.next(), version, ingestedAt,
						change.traceId());
				Rendered rendered = (first != null)
						? this.renderer.sameAs(first, firstCatalog, stage, catalog, context).orElse(null) : null;
				if (rendered == null) {
					rendered = this.renderer.render(pageId, fields, stage, catalog, context);
				}
				if (first == null) {
					first = rendered;
					firstCatalog = catalog;
				}
				upserts.add(PagePublishing.upsert(rendered, Optional.ofNullable(loaded.rendered().get(stage))));
				used.addAll(rendered.dependencies());
			}
			List<CompletableFuture<?>> before = new ArrayList<>();
			before.add(this.documents.saveDocument(ContentType.PAGE, pageId, stages, version,
					MarqueeJson.mapper().writeValueAsString(fields), change.raw(), change.source()));
			if (stages.equals(change.action().stages()) && change.action() == Action.PUBLISH) {
				before.add(this.dependencies.replaceDependencies(pageId, loaded.dependencies(), used));
			}
			else {
				// A stage kept at a newer version still renders with what it used: keep
				// those dependencies.
				before.add(this.dependencies.addDependencies(pageId, loaded.dependencies(), used));
			}
			// Stored before publishing, as a re-render reads the stored document.
			StoreRequests.awaitAll(before);
			outcome = this.publishing.publish(upserts, version, after);
		}
		catch (RuntimeException ex) {
			this.slugs.giveBack(pageId, claimed, fields.slug(), ex);
			throw ex;
		}
		// A rename gives the old slug back only now that the page is on every path under
		// its new one.
		after.add(this.slugs.releaseAll(pageId, stages, fields.slug(), loaded.held()));
		return outcome;
	}

	/**
	 * The reads of a page delivery, in flight.
	 *
	 * @param fields the page's fields, null for a removal or fields the delivery cannot
	 * have (refused by {@link #write})
	 * @param rendered what was last published per stage
	 * @param dependencies what the page depends on
	 * @param held the slugs it holds per stage
	 * @param owners who holds the slug it asks for, per stage
	 */
	record Reads(@Nullable PageFields fields, CompletableFuture<Map<Stage, RenderedPage>> rendered,
			CompletableFuture<Set<Dependency>> dependencies, CompletableFuture<Map<Stage, List<String>>> held,
			Map<Stage, CompletableFuture<Optional<String>>> owners) {

		Loaded load() {
			List<CompletableFuture<?>> all = new ArrayList<>(List.of(this.rendered, this.dependencies, this.held));
			all.addAll(this.owners.values());
			StoreRequests.awaitAll(all);
			Map<Stage, Optional<String>> slugOwners = new EnumMap<>(Stage.class);
			this.owners.forEach((stage, owner) -> slugOwners.put(stage, owner.join()));
			return new Loaded(this.rendered.join(), this.dependencies.join(), this.held.join(), slugOwners);
		}

	}

	/**
	 * The reads of a page delivery, done.
	 *
	 * @param rendered what was last published per stage
	 * @param dependencies what the page depends on
	 * @param held the slugs it holds per stage
	 * @param owners who holds the slug it asks for, per stage
	 */
	record Loaded(Map<Stage, RenderedPage> rendered, Set<Dependency> dependencies, Map<Stage, List<String>> held,
			Map<Stage, Optional<String>> owners) {
	}

}
