package dev.marquee.ingestion.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.render.CatalogChecks;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.render.Violation;
import dev.marquee.ingestion.store.DependencyIndex;
import dev.marquee.ingestion.store.DocumentStore;
import dev.marquee.ingestion.store.StoreRequests;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * Applies a title, talent or asset delivery: checks and stores (or removes) it, then
 * re-renders and republishes every page that uses it (fan-out). The caller holds the
 * exclusive catalog lock.
 */
@Component
class CatalogWrites {

	private final DocumentStore documents;

	private final DependencyIndex dependencies;

	private final CatalogCache catalogCache;

	private final Rerendering rerendering;

	private final Clock clock;

	CatalogWrites(DocumentStore documents, DependencyIndex dependencies, CatalogCache catalogCache,
			Rerendering rerendering, Clock clock) {
		this.documents = documents;
		this.dependencies = dependencies;
		this.catalogCache = catalogCache;
		this.rerendering = rerendering;
		this.clock = clock;
	}

	Outcome write(IncomingChange change, VersionRules.Decision decision) {
		Set<Stage> stages = decision.stages();
		long version = decision.version();
		try {
			if (change.action().isRemoval()) {
				StoreRequests.await(this.documents.removeDocument(change.type(), change.documentId(), stages));
			}
			else {
				Class<?> fieldsType = switch (change.type()) {
					case TITLE -> TitleFields.class;
					case TALENT -> TalentFields.class;
					case ASSET -> AssetFields.class;
					case PAGE -> throw new IllegalStateException("pages are not catalog documents");
				};
				Object fields = NativeFields.read(change.fields(), fieldsType);
				List<Violation> violations = CatalogChecks.check(fields);
				if (!violations.isEmpty()) {
					throw new RenderException(violations);
				}
				StoreRequests.await(this.documents.saveDocument(change.type(), change.documentId(), stages, version,
						MarqueeJson.mapper().writeValueAsString(fields), change.raw(), change.source()));
			}
		}
		finally {
			// Also after a failed write (the store may hold it anyway) or a refused one:
			// a miss only costs a read.
			this.catalogCache.invalidate(change.type(), change.documentId());
		}
		List<String> pageIds = this.dependencies.pagesDependingOn(change.type(), change.documentId());
		String trigger = change.type().wireName() + " " + change.documentId() + " " + change.action().wireName() + " v"
				+ version;
		return this.rerendering.rerender(pageIds, stages, trigger, this.clock.instant(), change.traceId());
	}

}
