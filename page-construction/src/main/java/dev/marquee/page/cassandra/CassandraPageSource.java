package dev.marquee.page.cassandra;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.model.Topics;
import dev.marquee.page.PageConstructionProperties;
import dev.marquee.page.propagation.PropagationRecorder;
import dev.marquee.page.source.Lag;
import dev.marquee.page.source.PageSource;
import dev.marquee.page.source.PageSummary;
import dev.marquee.page.source.TokenNotForPathException;

/**
 * The KAFKA_CASSANDRA read path: published pages through the {@link NearCache}, previews
 * and token reads straight from the read tables, read-after-write by the data consumer's
 * applied watermarks.
 */
@Component
class CassandraPageSource implements PageSource, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CassandraPageSource.class);

	// Pause before retrying a refresher that failed as a whole (e.g. Cassandra down at
	// start).
	private static final Duration RETRY = Duration.ofSeconds(1);

	private final ReadTables tables;

	private final NearCache cache;

	private final int warmUpConcurrency;

	private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "near-cache-refresh");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean schemaApplied;

	CassandraPageSource(ReadTables tables, PageConstructionProperties properties, PropagationRecorder propagation,
			Clock clock, MeterRegistry registry) {
		this.tables = tables;
		this.warmUpConcurrency = properties.nearCache().warmUpConcurrency();
		NearCache.Store store = new NearCache.Store() {

			@Override
			public List<String> discover() {
				return tables.slugs(Stage.PUBLISHED);
			}

			@Override
			public Optional<Page> load(String slug) {
				return tables.page(slug, Stage.PUBLISHED);
			}

			@Override
			public boolean unchanged(String slug, String pageId, long contentVersion) {
				return tables.unchanged(slug, Stage.PUBLISHED, pageId, contentVersion);
			}

		};
		this.cache = new NearCache(store, properties.nearCache().refreshInterval(),
				properties.nearCache().minKeyDelay(), properties.nearCache().decodedPages(), clock,
				(page, at) -> propagation.visible(ReadPath.KAFKA_CASSANDRA, page, at));
		this.cache.bindTo(registry);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.refresher.execute(this::startUp);
	}

	private void startUp() {
		try {
			if (!this.schemaApplied) {
				this.tables.applySchema();
				this.schemaApplied = true;
				logger.info("Cassandra read schema applied (keyspace marquee_read)");
			}
			this.cache.warmUp(this.warmUpConcurrency);
			logger.info("Near cache loaded {} published pages; refreshing every {}", this.cache.size(),
					this.cache.stats().refreshInterval());
			this.refresher.execute(this::tick);
		}
		catch (RuntimeException ex) {
			logger.warn("Near cache cannot start yet ({}); retrying", ex.getMessage());
			this.refresher.schedule(this::startUp, RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void tick() {
		Duration delay = RETRY;
		try {
			delay = this.cache.tick();
		}
		catch (RuntimeException ex) {
			logger.warn("Near-cache refresh failed: {}", ex.getMessage());
		}
		finally {
			if (!this.refresher.isShutdown()) {
				this.refresher.schedule(this::tick, Math.max(1, delay.toNanos() / 1000), TimeUnit.MICROSECONDS);
			}
		}
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

	@Override
	public ReadPath path() {
		return ReadPath.KAFKA_CASSANDRA;
	}

	@Override
	public Optional<Page> find(String slug, Stage stage) {
		// The near cache holds the published dataset only, as Tudum's did; previews read
		// the tables.
		return (stage == Stage.PUBLISHED) ? this.cache.get(slug) : this.tables.page(slug, stage);
	}

	@Override
	public Optional<Page> findFresh(String slug, Stage stage) {
		return this.tables.page(slug, stage);
	}

	@Override
	public List<PageSummary> list(Stage stage) {
		if (stage == Stage.PUBLISHED) {
			// From the entries' own fields: a listing decodes nothing.
			return this.cache.entries()
				.stream()
				.map((entry) -> new PageSummary(entry.pageId(), entry.slug(), entry.title(), entry.contentVersion()))
				.sorted(Comparator.comparing(PageSummary::slug))
				.toList();
		}
		return this.tables.summaries(stage);
	}

	@Override
	public Lag lag(ConsistencyToken token) {
		if (token.kafkaOffsets().isEmpty()) {
			throw new TokenNotForPathException(ReadPath.KAFKA_CASSANDRA);
		}
		Map<Integer, Long> applied = this.tables.watermarks(Topics.PAGE_CHANGES);
		long behind = 0;
		StringJoiner current = new StringJoiner(",", "applied offsets {", "}");
		StringJoiner required = new StringJoiner(",", "offsets {", "}");
		for (Map.Entry<Integer, Long> partition : new TreeMap<>(token.kafkaOffsets()).entrySet()) {
			long watermark = applied.getOrDefault(partition.getKey(), -1L);
			behind += Math.max(0, partition.getValue() - watermark);
			current.add(partition.getKey() + "=" + watermark);
			required.add(partition.getKey() + "=" + partition.getValue());
		}
		return new Lag(current.toString(), required.toString(), behind, "records");
	}

	@Override
	public Map<String, Object> status() {
		NearCache.Stats stats = this.cache.stats();
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("schemaApplied", this.schemaApplied);
		status.put("nearCache", stats);
		return status;
	}

	NearCache.Stats nearCacheStats() {
		return this.cache.stats();
	}

	boolean schemaApplied() {
		return this.schemaApplied;
	}

}
