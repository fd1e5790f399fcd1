package dev.marquee.page.hollow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.custom.HollowAPI;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.netflix.hollow.api.objects.generic.GenericHollowObject;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.read.engine.HollowTypeReadState;
import com.netflix.hollow.api.consumer.fs.HollowFilesystemBlobRetriever;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.hollow.remote.HollowLogClient;
import dev.marquee.model.hollow.remote.HollowProducerEndpoint;
import dev.marquee.model.hollow.remote.HttpAnnouncementWatcher;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.page.PageConstructionProperties;
import dev.marquee.page.propagation.PropagationRecorder;
import dev.marquee.page.source.Lag;
import dev.marquee.page.source.PageSource;
import dev.marquee.page.source.PageSummary;
import dev.marquee.page.source.Progress;
import dev.marquee.page.source.TokenNotForPathException;
import dev.marquee.support.observability.HttpClientObservation;

/**
 * The HOLLOW read path: every page of both stages in the memory of this process, read
 * through an index on (slug, stage) with no I/O per request. The consumer refreshes as
 * soon as the hollow-producer announces a version (HTTP long-poll, or a fast file poll
 * for a local blob store); a delta updates the index and the listings by the records it
 * changed, a snapshot builds them anew. While the producer is down the consumer keeps
 * serving the version it holds.
 *
 * <p>
 * With a producer URL, a {@link LogFollower} also follows the producer's write log into
 * an {@link Overlay} that reads consult before the state (RAW Hollow's in-flight
 * overlay): an edit is readable here as soon as the log has it durably, and is dropped
 * from the overlay once an installed state contains its offset.
 */
@Component
class HollowPageSource implements PageSource, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HollowPageSource.class);

	private static final long BUILT_PAGES = 2_000;

	// Waiting previews nudge at most every 200 ms each; one catch-up per this interval
	// serves them all.
	private static final long CATCH_UP_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final HollowConsumer consumer;

	private final CatchUpWatcher watcher;

	private final AutoCloseable closeWatcher;

	private final String origin;

	private final PropagationRecorder propagation;

	private final Clock clock;

	private volatile View view = View.EMPTY;

	// only the consumer's refresh thread touches it
	private final Listings listings = new Listings();

	// The hot pages, built; bounded because a built page is far larger than its Hollow
	// records.
	private final Cache<PageKey, Page> built = Caffeine.newBuilder().maximumSize(BUILT_PAGES).build();

	private volatile @Nullable Instant lastRefresh;

	private volatile @Nullable String lastFailure;

	private final Overlay overlay = new Overlay();

	private final @Nullable LogFollower follower;

	private volatile boolean overlayEnabled;

	private final Progress progress = new Progress();

	private final ExecutorService catchUps = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "hollow-catch-up");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean catchingUp = new AtomicBoolean();

	private volatile long lastCatchUpNanos = System.nanoTime() - CATCH_UP_EVERY_NANOS;

	private final AtomicLong catchUpCount = new AtomicLong();

	HollowPageSource(PageConstructionProperties properties, PropagationRecorder propagation, Clock clock,
			MeterRegistry registry, ObjectProvider<HttpClientObservation> observation) {
		this.propagation = propagation;
		this.clock = clock;
		PageConstructionProperties.Hollow settings = properties.hollow();
		HollowConsumer.BlobRetriever retriever;
		HollowConsumer.AnnouncementWatcher follower;
		Announcements announcements;
		String producerUrl = settings.producerUrl();
		if (producerUrl != null && !producerUrl.isBlank()) {
			// Every call to the producer is timed (http.client.requests) and carries the
			// current traceparent.
			HttpClientObservation available = observation.getIfAvailable();
			UnaryOperator<HttpClient> observed = (available != null) ? available : UnaryOperator.identity();
			HollowProducerEndpoint endpoint = HollowProducerEndpoint
				.of(URI.create(producerUrl), HollowProducerEndpoint.SERVICE_USER,
						properties.security().servicePassword())
				.withClientDecorator(observed);
			Path staging = directory(properties.dataDirectory().resolve("hollow-blobs"));
			retriever = new HttpBlobRetriever(endpoint, staging);
			HttpAnnouncementWatcher http = new HttpAnnouncementWatcher(endpoint, settings.longPollTimeout(),
					Duration.ofMillis(100), Duration.ofSeconds(5));
			follower = http;
			this.closeWatcher = http;
			announcements = new HttpAnnouncements(producerUrl, HollowProducerEndpoint.SERVICE_USER,
					properties.security().servicePassword(), observed);
			this.origin = "http " + producerUrl;
			this.follower = new LogFollower(new HollowLogClient(endpoint), this.overlay, settings.longPollTimeout(),
					Duration.ofMillis(100), Duration.ofSeconds(5), new FollowerListener());
			this.overlayEnabled = settings.overlay().enabled();
		}
		else {
			Path blobDir = directory((settings.blobDir() != null) ? settings.blobDir()
					: properties.home().resolve("data").resolve("hollow-producer").resolve("blobs"));
			retriever = new HollowFilesystemBlobRetriever(blobDir);
			FilesystemAnnouncementWatcher files = new FilesystemAnnouncementWatcher(blobDir,
					settings.announcementPoll());
			follower = files;
			this.closeWatcher = files;
			announcements = files;
			this.origin = "filesystem " + blobDir.toAbsolutePath();
			// A filesystem blob store has no write log: plain Hollow, installed states
			// only.
			this.follower = null;
			this.overlayEnabled = false;
		}
		this.watcher = new CatchUpWatcher(follower, announcements);
		this.consumer = HollowConsumer.withBlobRetriever(retriever)
			.withAnnouncementWatcher(this.watcher)
			.withRefreshListener(new Listener())
			.build();
		Gauge.builder("marquee.hollow.overlay.entries", this.overlay, Overlay::size)
			.description("Page stages held in the in-flight overlay (write-log entries no installed state holds yet)")
			.register(registry);
		Gauge.builder("marquee.hollow.consumer.version", this.consumer, HollowConsumer::getCurrentVersionId)
			.description("The Hollow state version this instance serves (-1 before the first one is installed)")
			.register(registry);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		logger.info("Hollow consumer following {}", this.origin);
		// Load the announced state in the background: page construction starts even while
		// the producer is down.
		this.consumer.triggerAsyncRefresh();
		if (this.follower != null) {
			logger.info("Following the write log of {} (overlay {})", this.origin,
					this.overlayEnabled ? "enabled" : "disabled");
			this.follower.start();
		}
	}

	@Override
	public void destroy() throws Exception {
		if (this.follower != null) {
			this.follower.close();
		}
		this.catchUps.shutdownNow();
		this.closeWatcher.close();
	}

	/**
	 * @return whether this instance follows a write log (a producer URL is set)
	 */
	boolean overlayAvailable() {
		return this.follower != null;
	}

	/**
	 * @return whether reads and token waits see the overlay
	 */
	boolean overlayEnabled() {
		return this.overlayEnabled;
	}

	/**
	 * Switches the overlay for every later read; the follower keeps running either way,
	 * so switching it back on is instant.
	 * @param enabled on or off
	 * @throws IllegalStateException when turning it on without a write log to follow
	 */
	void overlayEnabled(boolean enabled) {
		if (enabled && this.follower == null) {
			throw new IllegalStateException("no write log to follow: marquee.hollow.producer-url is not set "
					+ "(filesystem blob store), so the overlay stays off");
		}
		if (this.overlayEnabled != enabled) {
			logger.info("Hollow overlay switched {}", enabled ? "on" : "off");
		}
		this.overlayEnabled = enabled;
		this.progress.advance();
	}

	@Override
	public ReadPath path() {
		return ReadPath.HOLLOW;
	}

	@Override
	public Optional<Page> find(String slug, Stage stage) {
		View current = this.view;
		boolean overlaid = this.overlayEnabled;
		if (overlaid) {
			Overlay.Entry entry = this.overlay.claimant(slug, stage);
			if (entry != null) {
				return Optional.of(entry.page());
			}
		}
		if (current.index == null) {
			return Optional.empty();
		}
		int ordinal = current.index.ordinal(slug, stage);
		if (ordinal < 0) {
			return Optional.empty();
		}
		if (overlaid && !this.overlay.isEmpty()
				&& this.overlay.hides(
						Listings.string(new GenericHollowObject(current.engine, HollowPage.TYPE, ordinal), "pageId"),
						stage, slug)) {
			// renamed or removed after this state: its old slug stops resolving at once
			return Optional.empty();
		}
		// Content versions are unique across every page stage, so an equal version is the
		// same page: reuse the
		// object built for it instead of materializing ~50 elements from Hollow records
		// on every request.
		long version = new GenericHollowObject(current.engine, HollowPage.TYPE, ordinal).getLong("contentVersion");
		PageKey key = new PageKey(slug, stage);
		Page built = this.built.getIfPresent(key);
		if (built == null || built.contentVersion() != version) {
			built = HollowPages.fromHollow(current.engine, ordinal);
			this.built.put(key, built);
		}
		return Optional.of(built);
	}

	@Override
	public Optional<Page> findFresh(String slug, Stage stage) {
		// Memory is the store on this path; built pages are checked against its current
		// version on every read.
		return find(slug, stage);
	}

	@Override
	public List<PageSummary> list(Stage stage) {
		List<PageSummary> state = this.view.listings.getOrDefault(stage, List.of());
		return this.overlayEnabled ? this.overlay.listing(stage, state) : state;
	}

	@Override
	public Lag lag(ConsistencyToken token) {
		Long required = token.hollowOffset();
		if (required == null) {
			throw new TokenNotForPathException(ReadPath.HOLLOW);
		}
		// With the overlay, what this instance applied from the log; without it, what its
		// installed state holds.
		boolean overlaid = this.overlayEnabled;
		long current = overlaid ? this.overlay.applied() : this.view.stateOffset;
		String where = overlaid ? "applied log offset " : "state log offset ";
		return new Lag(where + current, "log offset " + required, (current >= required) ? 0 : required - current,
				"log offsets");
	}

	@Override
	public long progress() {
		return this.progress.current();
	}

	@Override
	public boolean awaitProgress(long seen, Duration timeout) {
		this.progress.await(seen, timeout);
		return true;
	}

	@Override
	public void nudge() {
		LogFollower following = this.follower;
		if (this.overlayEnabled && following != null && following.connected()) {
			// The follower's long-poll brings every entry the moment it is durable:
			// nothing to ask for.
			return;
		}
		// One catch-up at a time and at most one per interval, shared by every waiting
		// preview of this instance.
		long now = System.nanoTime();
		if (now - this.lastCatchUpNanos < CATCH_UP_EVERY_NANOS || !this.catchingUp.compareAndSet(false, true)) {
			return;
		}
		this.lastCatchUpNanos = now;
		try {
			this.catchUps.execute(() -> {
				try {
					this.catchUpCount.incrementAndGet();
					this.watcher.catchUp(this.consumer);
				}
				catch (RuntimeException ex) {
					logger.debug("Hollow catch-up refresh failed", ex);
				}
				finally {
					this.catchingUp.set(false);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			this.catchingUp.set(false);
		}
	}

	@Override
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		View current = this.view;
		status.put("origin", this.origin);
		status.put("version", current.version);
		status.put("announcedVersion", this.watcher.getLatestVersion());
		status.put("publishedPages", current.listings.getOrDefault(Stage.PUBLISHED, List.of()).size());
		status.put("previewPages", current.listings.getOrDefault(Stage.PREVIEW, List.of()).size());
		status.put("lastRefresh", String.valueOf(this.lastRefresh));
		status.put("lastFailure", String.valueOf(this.lastFailure));
		status.put("approxDataBytes", (current.engine != null) ? current.engine.calcApproxDataSize() : 0);
		if (this.watcher.delegate() instanceof HttpAnnouncementWatcher http) {
			status.put("producerConnected", http.isConnected());
		}
		status.put("stateOffset", current.stateOffset);
		status.put("catchUps", this.catchUpCount.get());
		Map<String, Object> overlay = new LinkedHashMap<>();
		overlay.put("available", this.follower != null);
		overlay.put("enabled", this.overlayEnabled);
		overlay.put("entries", this.overlay.size());
		overlay.put("appliedOffset", this.overlay.applied());
		overlay.put("logId", String.valueOf(this.overlay.logId()));
		LogFollower following = this.follower;
		if (following != null) {
			overlay.put("logConnected", following.connected());
			overlay.put("logHead", following.head());
			overlay.put("producerStateOffset", following.producerStateOffset());
			overlay.put("resyncs", following.resyncs());
			overlay.put("lastLogFailure", String.valueOf(following.lastFailure()));
		}
		status.put("overlay", overlay);
		return status;
	}

	/**
	 * @return the highest log offset this instance applied (overlay or installed state)
	 */
	long appliedOffset() {
		return this.overlay.applied();
	}

	/**
	 * @return the log offset contained in the installed state
	 */
	long stateOffset() {
		return this.view.stateOffset;
	}

	/**
	 * @return page stages in the overlay
	 */
	int overlaySize() {
		return this.overlay.size();
	}

	/**
	 * @return the version held, or {@code Long.MIN_VALUE} before the first load
	 */
	long version() {
		return this.view.version;
	}

	@Nullable Instant lastRefresh() {
		return this.lastRefresh;
	}

	private static Path directory(Path path) {
		try {
			return Files.createDirectories(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void install(HollowReadStateEngine engine, long version, boolean delta) {
		long stateOffset = stateOffset(engine);
		String logId = engine.getHeaderTag(WriteLog.LOG_ID_TAG);
		HollowTypeReadState pages = engine.getTypeState(HollowPage.TYPE);
		if (pages == null) {
			this.view = new View(version, engine, null, Map.of(), stateOffset);
			this.overlay.fold(stateOffset, logId);
			this.progress.advance();
			return;
		}
		BitSet populated = pages.getPopulatedOrdinals();
		Map<Stage, List<PageSummary>> listings;
		BitSet addedOrdinals = null;
		if (delta) {
			// O(changes): only the records the delta removed and added are read, and
			// merged into the listings.
			BitSet previous = pages.getPreviousOrdinals();
			BitSet removed = (BitSet) previous.clone();
			removed.andNot(populated);
			addedOrdinals = (BitSet) populated.clone();
			addedOrdinals.andNot(previous);
			listings = this.listings.update(engine, removed, addedOrdinals);
		}
		else {
			listings = this.listings.rebuild(engine, populated);
		}
		SlugIndex index = this.listings.index();
		List<Page> added = (addedOrdinals != null) ? addedPublished(engine, addedOrdinals) : List.of();
		// Before the fold: which of the state's new versions the overlay had already made
		// readable.
		boolean overlaid = this.overlayEnabled;
		List<Boolean> alreadyVisible = new ArrayList<>(added.size());
		for (Page page : added) {
			Overlay.Entry entry = this.overlay.entry(page.pageId(), page.stage());
			alreadyVisible.add(overlaid && entry != null && entry.contentVersion() >= page.contentVersion());
		}
		// Invariant: the state serves reads before the overlay drops what it contains,
		// never the other way round.
		this.view = new View(version, engine, index, listings, stateOffset);
		this.overlay.fold(stateOffset, logId);
		this.progress.advance();
		Instant now = this.clock.instant();
		for (int i = 0; i < added.size(); i++) {
			Page page = added.get(i);
			this.propagation.folded(ReadPath.HOLLOW, page, now);
			if (!alreadyVisible.get(i)) {
				this.propagation.visible(ReadPath.HOLLOW, page, now);
			}
		}
	}

	private static long stateOffset(HollowReadStateEngine engine) {
		String tag = engine.getHeaderTag(WriteLog.STATE_OFFSET_TAG);
		if (tag == null) {
			return WriteLog.NO_OFFSET;
		}
		try {
			return Long.parseLong(tag.strip());
		}
		catch (NumberFormatException ex) {
			logger.warn("Ignoring the unreadable {} header tag '{}'", WriteLog.STATE_OFFSET_TAG, tag);
			return WriteLog.NO_OFFSET;
		}
	}

	private List<Page> addedPublished(HollowReadStateEngine engine, BitSet ordinals) {
		List<Page> added = new ArrayList<>();
		for (int ordinal = ordinals.nextSetBit(0); ordinal >= 0; ordinal = ordinals.nextSetBit(ordinal + 1)) {
			GenericHollowObject page = new GenericHollowObject(engine, HollowPage.TYPE, ordinal);
			// Propagation is measured for public (published) content, the same as on the
			// near-cache path.
			if (Stage.PUBLISHED.name().equals(Listings.string(page, "stage"))) {
				Page built = HollowPages.fromHollow(engine, ordinal);
				this.built.put(new PageKey(built.slug(), built.stage()), built);
				added.add(built);
			}
		}
		return added;
	}

	private record PageKey(String slug, Stage stage) {
	}

	private record View(long version, @Nullable HollowReadStateEngine engine, @Nullable SlugIndex index,
			Map<Stage, List<PageSummary>> listings, long stateOffset) {

		static final View EMPTY = new View(Long.MIN_VALUE, null, null, Map.of(), WriteLog.NO_OFFSET);

	}

	private final class FollowerListener implements LogFollower.Listener {

		@Override
		public void applied(List<Overlay.Entry> entries) {
			HollowPageSource.this.progress.advance();
			if (!HollowPageSource.this.overlayEnabled) {
				return;
			}
			Instant now = HollowPageSource.this.clock.instant();
			for (Overlay.Entry entry : entries) {
				if (entry.stage() == Stage.PUBLISHED && !entry.removal()) {
					HollowPageSource.this.propagation.visible(ReadPath.HOLLOW, entry.page(), now);
				}
			}
		}

		@Override
		public void resync() {
			HollowPageSource.this.watcher.catchUp(HollowPageSource.this.consumer);
		}

	}

	private final class Listener extends HollowConsumer.AbstractRefreshListener {

		@Override
		public void snapshotUpdateOccurred(HollowAPI api, HollowReadStateEngine stateEngine, long version) {
			install(stateEngine, version, false);
		}

		@Override
		public void deltaUpdateOccurred(HollowAPI api, HollowReadStateEngine stateEngine, long version) {
			install(stateEngine, version, true);
		}

		@Override
		public void refreshSuccessful(long beforeVersion, long afterVersion, long requestedVersion) {
			HollowPageSource.this.lastRefresh = HollowPageSource.this.clock.instant();
			HollowPageSource.this.lastFailure = null;
		}

		@Override
		public void refreshFailed(long beforeVersion, long afterVersion, long requestedVersion, Throwable failure) {
			HollowPageSource.this.lastFailure = String.valueOf(failure.getMessage());
			logger.warn("Hollow refresh to version {} failed; serving version {}: {}", requestedVersion, beforeVersion,
					failure.getMessage());
		}

	}

}
