package dev.marquee.ingestion.ingest;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.store.DocumentStore;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * The parsed titles, talent and assets every rendering reads, shared across renderings. A
 * 50-element page looks up dozens of catalog documents, and reading each from Cassandra
 * made those lookups most of ingestion's CPU.
 *
 * <p>
 * The cache is exact, not eventually consistent: ingestion is the only writer of the
 * write-side store and runs as one instance (its page and catalog locks are in-process),
 * and a catalog write invalidates its entries while it holds the exclusive catalog lock,
 * which no rendering holds at the same time.
 */
@Component
class CatalogCache {

	// Far more than a real catalog's working set; a parsed document is about a kilobyte.
	private static final long MAXIMUM_DOCUMENTS = 100_000;

	private final DocumentStore store;

	private final Cache<Key, Optional<?>> documents = Caffeine.newBuilder()
		.maximumSize(MAXIMUM_DOCUMENTS)
		.recordStats()
		.build();

	CatalogCache(DocumentStore store, MeterRegistry registry) {
		this.store = store;
		// cache.gets{cache=catalog,result=hit|miss}, cache.size, cache.evictions, ...
		CaffeineCacheMetrics.monitor(registry, this.documents, "catalog");
	}

	@SuppressWarnings("unchecked")
	<T> Optional<T> find(ContentType type, String id, Stage stage, Class<T> fieldsType) {
		return (Optional<T>) this.documents.get(new Key(type, id, stage), (key) -> this.store.document(type, id, stage)
			.map((document) -> MarqueeJson.mapper().readValue(document.body(), fieldsType)));
	}

	/**
	 * Forgets every stage of a document; call it after the store changed, with the
	 * exclusive catalog lock held.
	 */
	void invalidate(ContentType type, String id) {
		for (Stage stage : Stage.values()) {
			this.documents.invalidate(new Key(type, id, stage));
		}
	}

	private record Key(ContentType type, String id, Stage stage) {
	}

}
