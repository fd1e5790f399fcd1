package dev.marquee.page.cassandra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.marquee.model.Page;

/**
 * An in-process near cache of published pages, modeled on Tudum's KVDAL near cache: it
 * holds the whole published dataset and refreshes it in the background, one key at a
 * time, paced so that one cycle over all N keys takes the refresh interval (one key every
 * {@code interval / N}). An edit therefore becomes visible only when the refresh reaches
 * its key; a miss (a key not cached yet) reads the store at once.
 *
 * <p>
 * Each cycle starts by discovering the keys anew ({@code pages_by_stage}), plus every key
 * still cached, so new pages join and removed pages are dropped when the refresh reaches
 * them. Refresh work is done by {@link #tick()}, which a single background thread calls
 * again after the delay it returns; it never blocks readers. A store failure leaves the
 * cached entries in place (availability over freshness).
 *
 * <p>
 * Unlike Tudum's cache of objects, each entry is a {@link CompactPage}: the page's JSON
 * deflated, with the page id, slug, title and content version beside it, so the dataset
 * costs a few KB per page instead of ~100 KB of objects. Last-write-wins, the refresh's
 * unchanged check and the listing read only those fields. A read inflates and parses the
 * entry, unless the small bounded cache of decoded pages in front holds that very version
 * (pages read often stay decoded).
 */
class NearCache {

	private static final Logger logger = LoggerFactory.getLogger(NearCache.class);

	private final Store store;

	private final Duration interval;

	private final Duration minKeyDelay;

	private final Clock clock;

	private final Listener listener;

	private final ConcurrentMap<String, CompactPage> entries = new ConcurrentHashMap<>();

	// Keyed by version: a copy decoded from an entry that was replaced meanwhile is never
	// looked up again, so it cannot be served in place of the newer entry.
	private final Cache<CompactPage.Version, Page> decoded;

	private final boolean keepsDecoded;

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong jsonBytes = new AtomicLong();

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	private final AtomicLong refreshes = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile boolean warm;

	private volatile long cycles;

	private volatile @Nullable Instant lastCycleStarted;

	private volatile @Nullable Duration lastCycleDuration;

	private volatile @Nullable String lastError;

	// Cycle state, touched only by the refresher thread.
	private List<String> keys = List.of();

	private @Nullable Instant cycleStart;

	private Duration perKey = Duration.ZERO;

	private int next;

	NearCache(Store store, Duration interval, Duration minKeyDelay, int decodedPages, Clock clock, Listener listener) {
		this.store = store;
		this.interval = interval;
		this.minKeyDelay = minKeyDelay;
		this.clock = clock;
		this.listener = listener;
		this.decoded = Caffeine.newBuilder().maximumSize(Math.max(0, decodedPages)).recordStats().build();
		// A cache bounded at 0 would still hold each page until its eviction runs.
		this.keepsDecoded = decodedPages > 0;
	}

	/**
	 * A published page by slug: from memory when cached, else from the store (and then
	 * cached).
	 * @param slug the slug
	 * @return the page if published
	 */
	Optional<Page> get(String slug) {
		CompactPage cached = this.entries.get(slug);
		if (cached != null) {
			this.hits.incrementAndGet();
			if (!this.keepsDecoded) {
				return Optional.of(cached.page());
			}
			// Concurrent readers of one version wait for a single decode.
			return Optional.of(this.decoded.get(cached.version(), (version) -> cached.page()));
		}
		this.misses.incrementAndGet();
		Optional<Page> loaded = this.store.load(slug);
		loaded.ifPresent((page) -> {
			// It was just asked for: keep it decoded for the reads that follow.
			CompactPage previous = put(slug, page, true);
			if (this.warm && isNewer(page, previous)) {
				this.listener.refreshed(page, this.clock.instant());
			}
		});
		return loaded;
	}

	/**
	 * @return every cached entry, for listings (nothing is decoded)
	 */
	Collection<CompactPage> entries() {
		return this.entries.values();
	}

	/**
	 * @return how many pages are cached
	 */
	int size() {
		return this.entries.size();
	}

	/**
	 * Loads every discovered key at once, so the cache holds the dataset before the paced
	 * refresh begins. Propagation is not recorded for what this first load finds.
	 * @param concurrency how many pages are read at once
	 */
	void warmUp(int concurrency) {
		List<String> slugs = this.store.discover();
		// Each load waits on Cassandra for a page's element rows: several in flight keep
		// Cassandra busy instead of idle between round trips.
		ExecutorService loaders = Executors.newFixedThreadPool(Math.max(1, concurrency), (runnable) -> {
			Thread thread = new Thread(runnable, "near-cache-warm-up");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> loads = new ArrayList<>(slugs.size());
			for (String slug : slugs) {
				loads.add(loaders.submit(() -> this.store.load(slug).ifPresent((page) -> put(slug, page, false))));
			}
			for (Future<?> load : loads) {
				load.get();
			}
		}
		catch (ExecutionException ex) {
			// the caller retries the whole load, as it did when one read failed in turn
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while loading the near cache", ex);
		}
		finally {
			loaders.shutdownNow();
		}
		this.warm = true;
	}

	/**
	 * @return whether the first full load finished
	 */
	boolean isWarm() {
		return this.warm;
	}

	/**
	 * Does the refresh work due now: starts a new cycle when the last one is over, then
	 * refreshes every key whose turn has come.
	 * @return how long until more work is due
	 */
	Duration tick() {
		Instant now = this.clock.instant();
		if (this.cycleStart == null || (this.next >= this.keys.size() && !now.isBefore(cycleEnd()))) {
			startCycle(now);
		}
		while (this.next < this.keys.size() && !now.isBefore(dueAt(this.next))) {
			refresh(this.keys.get(this.next++));
			now = this.clock.instant();
		}
		Instant nextDue = (this.next < this.keys.size()) ? dueAt(this.next) : cycleEnd();
		Duration delay = Duration.between(this.clock.instant(), nextDue);
		return delay.isNegative() ? Duration.ZERO : delay;
	}

	private void startCycle(Instant now) {
		Instant previousStart = this.cycleStart;
		if (previousStart != null) {
			this.lastCycleDuration = Duration.between(previousStart, now);
		}
		Set<String> discovered = new LinkedHashSet<>();
		try {
			discovered.addAll(this.store.discover());
		}
		catch (RuntimeException ex) {
			// Keep refreshing what we know; the store's outage shows in health.
			this.failures.incrementAndGet();
			this.lastError = ex.getMessage();
			logger.debug("Near-cache key discovery failed", ex);
			discovered.addAll(this.keys);
		}
		discovered.addAll(this.entries.keySet());
		this.keys = new ArrayList<>(discovered);
		this.perKey = perKey(this.interval, this.minKeyDelay, this.keys.size());
		this.cycleStart = now;
		this.next = 0;
		this.cycles++;
		this.lastCycleStarted = now;
	}

	/**
	 * The pause between two key refreshes.
	 * @param interval the refresh interval (one whole cycle)
	 * @param minKeyDelay the smallest pause
	 * @param keys how many keys a cycle refreshes
	 * @return {@code interval / keys}, at least {@code minKeyDelay}
	 */
	static Duration perKey(Duration interval, Duration minKeyDelay, int keys) {
		Duration each = interval.dividedBy(Math.max(1, keys));
		return (each.compareTo(minKeyDelay) < 0) ? minKeyDelay : each;
	}

	private Instant dueAt(int index) {
		return this.cycleStart.plus(this.perKey.multipliedBy(index));
	}

	private Instant cycleEnd() {
		Duration all = this.perKey.multipliedBy(this.keys.size());
		return this.cycleStart.plus((all.compareTo(this.interval) > 0) ? all : this.interval);
	}

	private void refresh(String slug) {
		try {
			CompactPage cached = this.entries.get(slug);
			if (cached != null && this.store.unchanged(slug, cached.pageId(), cached.contentVersion())) {
				// The store still holds the cached version: nothing was read but its page
				// row, and nothing is decoded or encoded.
				this.refreshes.incrementAndGet();
				return;
			}
			Optional<Page> loaded = this.store.load(slug);
			this.refreshes.incrementAndGet();
			if (loaded.isEmpty()) {
				remove(slug);
				return;
			}
			Page page = loaded.get();
			// A page read often stays decoded across its edits.
			boolean hot = cached != null && this.decoded.asMap().containsKey(cached.version());
			CompactPage previous = put(slug, page, hot);
			if (isNewer(page, previous) && (previous != null || this.warm)) {
				this.listener.refreshed(page, this.clock.instant());
			}
		}
		catch (RuntimeException ex) {
			this.failures.incrementAndGet();
			this.lastError = ex.getMessage();
			logger.debug("Near-cache refresh of {} failed; keeping the cached entry", slug, ex);
		}
	}

	/**
	 * Stores a page unless the entry holds a newer version of the same page.
	 * @param slug the key
	 * @param page the page read from the store
	 * @param keepDecoded whether to cache {@code page} as the decoded copy too
	 * @return the entry before, if any
	 */
	private @Nullable CompactPage put(String slug, Page page, boolean keepDecoded) {
		// Encoded outside the map's lock: deflating a page costs far more than the swap.
		CompactPage entry = CompactPage.of(page);
		CompactPage[] previous = new CompactPage[1];
		CompactPage stored = this.entries.compute(slug, (key, current) -> {
			previous[0] = current;
			// Last write wins by content version, whichever of a miss and a refresh
			// stores last; a different page that took over the slug replaces the entry.
			if (current != null && current.pageId().equals(page.pageId())
					&& current.contentVersion() > page.contentVersion()) {
				return current;
			}
			account(current, entry);
			return entry;
		});
		if (stored == entry) {
			if (previous[0] != null && !previous[0].version().equals(entry.version())) {
				this.decoded.invalidate(previous[0].version());
			}
			if (keepDecoded && this.keepsDecoded) {
				this.decoded.put(entry.version(), page);
			}
		}
		return previous[0];
	}

	private void remove(String slug) {
		CompactPage[] removed = new CompactPage[1];
		this.entries.computeIfPresent(slug, (key, current) -> {
			removed[0] = current;
			account(current, null);
			return null;
		});
		if (removed[0] != null) {
			this.decoded.invalidate(removed[0].version());
		}
	}

	// Called under the entry's lock, so the sums move with the map.
	private void account(@Nullable CompactPage before, @Nullable CompactPage after) {
		long deflated = ((after != null) ? after.deflated().length : 0)
				- ((before != null) ? before.deflated().length : 0);
		long json = ((after != null) ? after.jsonLength() : 0) - ((before != null) ? before.jsonLength() : 0);
		this.bytes.addAndGet(deflated);
		this.jsonBytes.addAndGet(json);
	}

	private static boolean isNewer(Page page, @Nullable CompactPage previous) {
		return previous == null || page.contentVersion() > previous.contentVersion()
				|| !page.pageId().equals(previous.pageId());
	}

	/**
	 * Publishes the cache's reads, size and refresh cycle as meters:
	 * {@code marquee.nearcache.reads} (tag result = hit or miss),
	 * {@code marquee.nearcache.size}, {@code marquee.nearcache.bytes} (the deflated bytes
	 * held), {@code marquee.nearcache.cycle.duration} (seconds, the last full cycle),
	 * {@code marquee.nearcache.refreshes}, {@code marquee.nearcache.refresh.failures},
	 * and the decoded pages' Caffeine meters ({@code cache="marquee.nearcache.decoded"}).
	 * @param registry the registry
	 */
	void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("marquee.nearcache.reads", this.hits, AtomicLong::get)
			.description("Near-cache reads, by result: hit (from memory) or miss (read from Cassandra)")
			.tag("result", "hit")
			.register(registry);
		FunctionCounter.builder("marquee.nearcache.reads", this.misses, AtomicLong::get)
			.description("Near-cache reads, by result: hit (from memory) or miss (read from Cassandra)")
			.tag("result", "miss")
			.register(registry);
		FunctionCounter.builder("marquee.nearcache.refreshes", this.refreshes, AtomicLong::get)
			.description("Keys refreshed from Cassandra by the background cycle")
			.register(registry);
		FunctionCounter.builder("marquee.nearcache.refresh.failures", this.failures, AtomicLong::get)
			.description("Key refreshes that failed")
			.register(registry);
		Gauge.builder("marquee.nearcache.size", this.entries, Map::size)
			.description("Published pages held in the near cache")
			.register(registry);
		Gauge.builder("marquee.nearcache.bytes", this.bytes, AtomicLong::get)
			.description("Deflated page JSON held in the near cache (the heap its entries cost, less small fields)")
			.baseUnit("bytes")
			.register(registry);
		CaffeineCacheMetrics.monitor(registry, this.decoded, "marquee.nearcache.decoded");
		Gauge.builder("marquee.nearcache.cycle.duration", this, (cache) -> {
			Duration last = cache.lastCycleDuration;
			return (last != null) ? last.toNanos() / 1e9 : Double.NaN;
		})
			.description("How long the last full refresh cycle over every key took")
			.baseUnit("seconds")
			.register(registry);
	}

	/**
	 * @return size and refresh progress, for health and {@code /api/status}
	 */
	Stats stats() {
		return new Stats(this.entries.size(), this.warm, this.interval, this.perKey, this.keys.size(), this.next,
				this.cycles, this.lastCycleStarted, this.lastCycleDuration, this.hits.get(), this.misses.get(),
				this.refreshes.get(), this.failures.get(), this.lastError, this.bytes.get(), this.jsonBytes.get(),
				this.decoded.estimatedSize(), this.decoded.stats().hitCount());
	}

	/**
	 * The near cache's state.
	 *
	 * @param size cached pages
	 * @param warm whether the first full load finished
	 * @param refreshInterval one cycle over every key
	 * @param perKeyDelay the pause between two key refreshes in the current cycle
	 * @param cycleKeys keys in the current cycle
	 * @param cyclePosition keys refreshed so far in the current cycle
	 * @param cycles cycles started
	 * @param lastCycleStarted when the current cycle started
	 * @param lastCycleDuration how long the previous cycle took
	 * @param hits reads answered from memory
	 * @param misses reads that went to Cassandra
	 * @param refreshes key refreshes done
	 * @param failures failed refreshes or discoveries
	 * @param lastError the last failure's message
	 * @param bytes deflated page JSON held
	 * @param jsonBytes the same pages' JSON before deflating
	 * @param decodedPages pages held decoded in front of the deflated entries
	 * @param decodedHits reads (among the hits) answered by a decoded page without
	 * inflating
	 */
	record Stats(int size, boolean warm, Duration refreshInterval, Duration perKeyDelay, int cycleKeys,
			int cyclePosition, long cycles, @Nullable Instant lastCycleStarted, @Nullable Duration lastCycleDuration,
			long hits, long misses, long refreshes, long failures, @Nullable String lastError, long bytes,
			long jsonBytes, long decodedPages, long decodedHits) {
	}

	/** Where the near cache loads from. */
	interface Store {

		/**
		 * @return every key to refresh (slugs of published pages)
		 */
		List<String> discover();

		/**
		 * @param slug a key
		 * @return the page now stored under it, if any
		 */
		Optional<Page> load(String slug);

		/**
		 * The refresh's cheap check of a cached key, before any {@link #load}: whether
		 * the store still holds that very version (for the read tables, one read of the
		 * page row; a version's elements never change).
		 * @param slug a key
		 * @param pageId the cached page's id
		 * @param contentVersion the cached page's version
		 * @return true when it does, so the key needs no load
		 */
		default boolean unchanged(String slug, String pageId, long contentVersion) {
			return false;
		}

	}

	/** Told when a refresh or a miss makes a newer version readable. */
	interface Listener {

		/**
		 * @param page the newer page
		 * @param at when it became readable
		 */
		void refreshed(Page page, Instant at);

	}

}
