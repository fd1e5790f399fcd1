package dev.marquee.ingestion.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.content.IngestionResult.AffectedPage;
import dev.marquee.ingestion.content.IngestionResult.FailedPage;
import dev.marquee.ingestion.publish.Publisher;
import dev.marquee.ingestion.publish.Publisher.Published;
import dev.marquee.ingestion.render.PageRenderer;
import dev.marquee.ingestion.render.PageRenderer.Rendered;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.render.Violation;
import dev.marquee.ingestion.store.WriteStore;
import dev.marquee.ingestion.store.WriteStore.Dependency;
import dev.marquee.ingestion.store.WriteStore.DocumentState;
import dev.marquee.ingestion.store.WriteStore.RenderedPage;
import dev.marquee.ingestion.store.WriteStore.StoredDocument;
import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.ContentVersionClock;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * Ingests one verified delivery: de-duplicates it, ignores it when older than the stored document, stores
 * it, renders every page it affects (the page itself, or every page using a changed title, talent or asset)
 * and publishes them to every enabled write path.
 *
 * <p>Deliveries of one page are applied one at a time, and a catalog change (with its fan-out re-render) excludes
 * every page delivery: otherwise a fan-out and a page publish racing on the same page could publish older content
 * under a newer content version. Deliveries of different pages run concurrently, so the hollow-producer can put them
 * into one cycle.
 */
@Service
public class Ingestion {

	private static final Logger logger = LoggerFactory.getLogger(Ingestion.class);

	// Keeps one hollow-producer request and one Kafka batch at a sane size during fan-out and regenerate.
	private static final int PUBLISH_BATCH = 100;

	private final WriteStore store;

	private final PageRenderer renderer;

	private final Publisher publisher;

	private final ContentVersionClock versions;

	private final Clock clock;

	// Page deliveries share this lock; catalog changes and re-renders hold it exclusively.
	private final ReentrantReadWriteLock catalogWrites = new ReentrantReadWriteLock();

	private final ReentrantLock[] pageWrites = new ReentrantLock[256];

	private final MeterRegistry meters;

	private final CatalogCache catalogCache;

	private final SlugClaims slugs;

	public Ingestion(WriteStore store, PageRenderer renderer, Publisher publisher, ContentVersionClock versions,
			Clock clock, MeterRegistry meters, CatalogCache catalogCache) {
		this.meters = meters;
		this.catalogCache = catalogCache;
		for (int i = 0; i < this.pageWrites.length; i++) {
			this.pageWrites[i] = new ReentrantLock();
		}
		this.store = store;
		this.renderer = renderer;
		this.publisher = publisher;
		this.versions = versions;
		this.clock = clock;
		long highest = store.maxContentVersion();
		versions.observe(highest);
		logger.info("Content versions continue after {}", highest);
		this.slugs = new SlugClaims(store);
		int claimed = store.claimPublishedSlugs();
		if (claimed > 0) {
			logger.info("Claimed the slugs of {} page stage(s) published before slugs were claimed", claimed);
		}
	}

	/**
	 * Ingests one delivery.
	 * @param change the delivery, verified and mapped to Marquee's format
	 * @return what happened
	 * @throws ProblemException 422 for a document that cannot be rendered, 503 when a store or path is down
	 */
	public IngestionResult handle(IncomingChange change) {
		VersionRules.checkPlausible(change);
		String bodySha256 = bodySha256(change);
		List<Lock> held = lock(change);
		try {
			Optional<WriteStore.SeenDelivery> seen = this.store.delivery(change.source(), change.deliveryId());
			if (seen.isPresent()) {
				String recorded = seen.get().bodySha256();
				if (recorded != null && !recorded.equals(bodySha256)) {
					count(change, "delivery-id-reused");
					throw new ProblemException(HttpStatus.CONFLICT, "delivery-id-reused", "Delivery id reused",
							"Delivery " + change.deliveryId() + " was processed before with another body; "
									+ "a retry must send the same bytes, a new change needs a new delivery id")
						.with("deliveryId", change.deliveryId());
				}
				logger.info("Duplicate delivery {} from {}", change.deliveryId(), change.source());
				count(change, "duplicate");
				return IngestionResult.duplicate(change);
			}
			Optional<DocumentState> current = this.store.state(change.type(), change.documentId());
			String owner = current.map(DocumentState::owner).orElse(null);
			if (owner != null && !owner.equals(change.source())) {
				count(change, "owned-by-other-source");
				throw new ProblemException(HttpStatus.CONFLICT, "document-owned-by-other-source",
						"Document owned by another source",
						change.type().wireName() + " " + change.documentId() + " was created by " + owner
								+ "; a delivery from " + change.source() + " may not change it")
					.with("owner", owner);
			}
			VersionRules.Decision decision = VersionRules.decide(current.orElse(null), change.action(),
					change.version(), change.source());
			if (decision.ignored()) {
				String reason = decision.kept();
				logger.info("Ignoring {} {} {}: {}", change.action().wireName(), change.type().wireName(),
						change.documentId(), reason);
				this.store.recordDelivery(change.source(), change.deliveryId(), "ignored: " + reason, bodySha256);
				count(change, "ignored");
				return IngestionResult.ignored(change, reason);
			}
			long version = decision.version();
			Outcome outcome = (change.type() == ContentType.PAGE) ? page(change, decision)
					: catalog(change, decision);
			// Only now, with every path's acknowledgement: a retry of a delivery that failed half-way is applied.
			this.store.saveState(change.type(), change.documentId(), decision.after());
			String recorded = change.action().wireName() + " v" + version + ": " + outcome.pages().size() + " page(s)";
			this.store.recordDelivery(change.source(), change.deliveryId(), recorded, bodySha256);
			count(change, "accepted");
			logger.info("Ingested {} {} {} v{} from {} into {}: {} page stage(s) published, {} render problem(s)",
					change.action().wireName(), change.type().wireName(), change.documentId(), version, change.source(),
					decision.stages(), outcome.pages().size(), outcome.problems().size());
			return new IngestionResult(change.source(), change.deliveryId(), false, false, decision.kept(),
					change.type().wireName(), change.documentId(), version, change.action().wireName(),
					outcome.pages(), outcome.problems(), outcome.token());
		}
		finally {
			held.forEach(Lock::unlock);
		}
	}

	// The controllers decode the body as strict UTF-8 before mapping it, so these bytes are the bytes received.
	private static String bodySha256(IncomingChange change) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(change.raw().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Takes the locks a delivery needs.
	 * @return the locks held, in the order to release them
	 */
	private List<Lock> lock(IncomingChange change) {
		if (change.type() != ContentType.PAGE) {
			Lock exclusive = this.catalogWrites.writeLock();
			exclusive.lock();
			return List.of(exclusive);
		}
		Lock shared = this.catalogWrites.readLock();
		shared.lock();
		Lock page = this.pageWrites[Math.floorMod(change.documentId().hashCode(), this.pageWrites.length)];
		page.lock();
		return List.of(page, shared);
	}

	private void count(IncomingChange change, String outcome) {
		this.meters
			.counter("marquee.ingestion.deliveries", "source", change.source(), "type", change.type().wireName(),
					"outcome", outcome)
			.increment();
	}

	/**
	 * Re-renders and republishes some pages, every stage that has a document.
	 * @param pageIds the pages
	 * @param trigger why, for the render-problem list
	 * @param traceId the trace id to stamp
	 * @return what happened
	 */
	public Outcome rerender(Collection<String> pageIds, String trigger, String traceId) {
		Lock exclusive = this.catalogWrites.writeLock();
		exclusive.lock();
		try {
			return rerender(pageIds, EnumSet.allOf(Stage.class), trigger, this.clock.instant(), traceId);
		}
		finally {
			exclusive.unlock();
		}
	}

	private Outcome page(IncomingChange change, VersionRules.Decision decision) {
		Instant ingestedAt = this.clock.instant();
		Set<Stage> stages = decision.stages();
		long version = decision.version();
		String pageId = change.documentId();
		if (change.action().isRemoval()) {
			List<PageChanged> removals = new ArrayList<>();
			for (Stage stage : stages) {
				this.store.rendered(pageId, stage)
					.filter((rendered) -> !rendered.removed())
					.ifPresent((rendered) -> removals.add(PageChanged.deleted(pageId, stage, rendered.slug(),
							this.versions.next(), ingestedAt, change.traceId())));
			}
			this.store.removeDocument(ContentType.PAGE, pageId, stages);
			if (change.action() == Action.DELETE) {
				this.store.replaceDependencies(pageId, Set.of());
			}
			for (Stage stage : stages) {
				this.store.clearProblem(pageId, stage);
			}
			Outcome outcome = publishAll(removals, version, List.of());
			// Released only once the removal is on every path: a page claiming the slug next gets a later content
			// version, so on every read path its row outlives the removed one whatever order they are applied in.
			this.slugs.releaseAll(pageId, stages, null);
			return outcome;
		}
		PageFields fields = read(change.fields(), PageFields.class);
		// Claimed before any content version is drawn for this page (see SlugClaims), and given back on failure.
		List<Stage> claimed = this.slugs.claim(pageId, stages, fields.slug());
		Outcome outcome;
		try {
			List<PageChanged> upserts = new ArrayList<>();
			Set<Dependency> dependencies = new LinkedHashSet<>();
			for (Stage stage : stages) {
				try {
					Rendered rendered = this.renderer.render(pageId, fields, stage,
							new StoreCatalog(this.catalogCache, stage), new PageRenderer.Context(this.versions.next(),
									version, ingestedAt, change.traceId()));
					upserts.add(upsert(rendered));
					dependencies.addAll(rendered.dependencies());
				}
				catch (RenderException ex) {
					// Both stages see the same document; the first stage's problems are the answer.
					throw unprocessable(ex);
				}
			}
			this.store.saveDocument(ContentType.PAGE, pageId, stages, version,
					MarqueeJson.mapper().writeValueAsString(fields), change.raw(), change.source());
			if (stages.equals(change.action().stages()) && change.action() == Action.PUBLISH) {
				this.store.replaceDependencies(pageId, dependencies);
			}
			else {
				// A stage kept at a newer version still renders with what it used: keep those dependencies.
				this.store.addDependencies(pageId, dependencies);
			}
			outcome = publishAll(upserts, version, List.of());
		}
		catch (RuntimeException ex) {
			this.slugs.giveBack(pageId, claimed, fields.slug(), ex);
			throw ex;
		}
		// A rename gives the old slug back only now that the page is on every path under its new one.
		this.slugs.releaseAll(pageId, stages, fields.slug());
		return outcome;
	}

	private Outcome catalog(IncomingChange change, VersionRules.Decision decision) {
		Set<Stage> stages = decision.stages();
		long version = decision.version();
		try {
			if (change.action().isRemoval()) {
				this.store.removeDocument(change.type(), change.documentId(), stages);
			}
			else {
				Class<?> fieldsType = switch (change.type()) {
					case TITLE -> TitleFields.class;
					case TALENT -> TalentFields.class;
					case ASSET -> AssetFields.class;
					case PAGE -> throw new IllegalStateException("pages are not catalog documents");
				};
				Object fields = read(change.fields(), fieldsType);
				List<Violation> violations = PageRenderer.checkCatalog(change.type(), fields);
				if (!violations.isEmpty()) {
					throw unprocessable(new RenderException(violations));
				}
				this.store.saveDocument(change.type(), change.documentId(), stages, version,
						MarqueeJson.mapper().writeValueAsString(fields), change.raw(), change.source());
			}
		}
		finally {
			// Also after a failed write (the store may hold it anyway) or a refused one: a miss only costs a read.
			this.catalogCache.invalidate(change.type(), change.documentId());
		}
		List<String> pageIds = this.store.pagesDependingOn(change.type(), change.documentId());
		String trigger = change.type().wireName() + " " + change.documentId() + " " + change.action().wireName() + " v"
				+ version;
		return rerender(pageIds, stages, trigger, this.clock.instant(), change.traceId());
	}

	private Outcome rerender(Collection<String> pageIds, Set<Stage> stages, String trigger, Instant ingestedAt,
			String traceId) {
		List<PageChanged> upserts = new ArrayList<>();
		List<FailedPage> problems = new ArrayList<>();
		for (String pageId : pageIds) {
			for (Stage stage : stages) {
				Optional<StoredDocument> document = this.store.document(ContentType.PAGE, pageId, stage);
				if (document.isEmpty()) {
					continue;
				}
				try {
					PageFields fields = MarqueeJson.mapper().readValue(document.get().body(), PageFields.class);
					Optional<String> holder = this.slugs.holderForRerender(pageId, stage, fields.slug());
					if (holder.isPresent()) {
						// Two pages shared the slug before slugs were claimed; the other one keeps it.
						throw new RenderException(List.of(new Violation("slug",
								"'" + fields.slug() + "' is held by page " + holder.get(), Violation.Kind.TEMPLATE)));
					}
					Rendered rendered = this.renderer.render(pageId, fields, stage, new StoreCatalog(this.catalogCache, stage),
							new PageRenderer.Context(this.versions.next(), document.get().version(), ingestedAt,
									traceId));
					upserts.add(upsert(rendered));
					this.store.addDependencies(pageId, rendered.dependencies());
				}
				catch (RenderException ex) {
					List<String> messages = ex.violations().stream().map(Violation::toString).toList();
					logger.warn("Re-render of page {} ({}) after {} failed; its last good version stays live: {}",
							pageId, stage, trigger, messages);
					this.store.saveProblem(pageId, stage, trigger, messages);
					problems.add(new FailedPage(pageId, stage, messages));
				}
			}
		}
		Outcome outcome = new Outcome(List.of(), problems, null);
		for (int from = 0; from < upserts.size(); from += PUBLISH_BATCH) {
			List<PageChanged> batch = upserts.subList(from, Math.min(upserts.size(), from + PUBLISH_BATCH));
			outcome = outcome.and(publishAll(batch, 0, List.of()));
		}
		return outcome;
	}

	private PageChanged upsert(Rendered rendered) {
		String previousSlug = this.store.rendered(rendered.page().pageId(), rendered.page().stage())
			.filter((previous) -> !previous.removed())
			.map(RenderedPage::slug)
			.orElse(null);
		return PageChanged.upserted(rendered.page(), previousSlug);
	}

	private Outcome publishAll(List<PageChanged> changes, long sourceVersion, List<FailedPage> problems) {
		if (changes.isEmpty()) {
			return new Outcome(List.of(), problems, null);
		}
		Published published = this.publisher.publish(changes);
		List<AffectedPage> pages = new ArrayList<>();
		Map<String, Long> pageVersions = new TreeMap<>();
		for (PageChanged change : changes) {
			if (change.page() != null) {
				this.store.saveRendered(change.page(), MarqueeJson.mapper().writeValueAsString(change.page()));
				this.store.clearProblem(change.pageId(), change.stage());
			}
			else {
				this.store.saveRemoved(change.pageId(), change.stage(), change.slug(), change.contentVersion(),
						sourceVersion);
			}
			pages.add(new AffectedPage(change.pageId(), change.stage(), change.slug(), change.kind(),
					change.contentVersion()));
			pageVersions.merge(change.pageId(), change.contentVersion(), Math::max);
		}
		ConsistencyToken token = new ConsistencyToken(published.kafkaOffsets(), published.hollowOffset(),
				pageVersions);
		return new Outcome(pages, problems, token.encode());
	}

	private static <T> T read(@Nullable JsonNode fields, Class<T> type) {
		if (fields == null || !fields.isObject()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document", "Invalid document",
					"'fields' must be an object");
		}
		try {
			return MarqueeJson.mapper().treeToValue(fields, type);
		}
		catch (JacksonException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document", "Invalid document",
					"The document's fields do not match its content type: " + ex.getOriginalMessage());
		}
	}

	private static ProblemException unprocessable(RenderException ex) {
		boolean references = ex.onlyUnresolvedReferences();
		List<Map<String, String>> errors = ex.violations()
			.stream()
			.map((violation) -> Map.of("field", violation.field(), "message", violation.message(), "kind",
					violation.kind().name()))
			.toList();
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
				references ? "unresolved-references" : "template-violation",
				references ? "Unresolved references" : "Template violation",
				references ? "The document references content that does not exist; nothing was published"
						: "The document does not satisfy its template; nothing was published")
			.with("errors", errors);
	}

	/**
	 * What a write did.
	 * @param pages the page stages published
	 * @param problems the page stages that failed to re-render
	 * @param token the consistency token of the last batch published, null if nothing was
	 */
	public record Outcome(List<AffectedPage> pages, List<FailedPage> problems, @Nullable String token) {

		Outcome and(Outcome next) {
			List<AffectedPage> allPages = new ArrayList<>(this.pages);
			allPages.addAll(next.pages());
			List<FailedPage> allProblems = new ArrayList<>(this.problems);
			allProblems.addAll(next.problems());
			return new Outcome(allPages, allProblems, mergeTokens(this.token, next.token()));
		}

		private static @Nullable String mergeTokens(@Nullable String first, @Nullable String second) {
			if (first == null) {
				return second;
			}
			if (second == null) {
				return first;
			}
			return ConsistencyToken.decode(first).merge(ConsistencyToken.decode(second)).encode();
		}

	}

}
