package dev.marquee.page.hollow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.custom.HollowAPI;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.netflix.hollow.api.objects.generic.GenericHollowObject;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.read.engine.HollowTypeReadState;
import com.netflix.hollow.core.schema.HollowObjectSchema;
import com.netflix.hollow.core.schema.HollowObjectSchema.FieldType;
import com.netflix.hollow.api.consumer.fs.HollowFilesystemBlobRetriever;
import org.jspecify.annotations.Nullable;
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
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.hollow.remote.HollowProducerEndpoint;
import dev.marquee.model.hollow.remote.HttpAnnouncementWatcher;
import dev.marquee.model.hollow.remote.HttpBlobRetriever;
import dev.marquee.page.PageConstructionProperties;
import dev.marquee.page.propagation.PropagationRecorder;
import dev.marquee.page.source.Lag;
import dev.marquee.page.source.PageSource;
import dev.marquee.page.source.PageSummary;
import dev.marquee.page.source.TokenNotForPathException;

/**
 * The HOLLOW read path: every page of both stages in the memory of this process, read through a primary-key
 * index on (slug, stage) with no I/O per request. The consumer refreshes as soon as the hollow-producer
 * announces a version (HTTP long-poll, or a fast file poll for a local blob store); each refresh rebuilds the
 * index and the listings and records the propagation time of every page version it brought in. While the
 * producer is down the consumer keeps serving the version it holds.
 */
@Component
class HollowPageSource implements PageSource, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HollowPageSource.class);

	private static final long BUILT_PAGES = 2_000;

	private final HollowConsumer consumer;

	private final CatchUpWatcher watcher;

	private final AutoCloseable closeWatcher;

	private final String origin;

	private final PropagationRecorder propagation;

	private final Clock clock;

	private volatile View view = View.EMPTY;

	// The hot pages, built; bounded because a built page is far larger than its Hollow records.
	private final Cache<PageKey, Page> built = Caffeine.newBuilder().maximumSize(BUILT_PAGES).build();

	private volatile @Nullable Instant lastRefresh;

	private volatile @Nullable String lastFailure;

	HollowPageSource(PageConstructionProperties properties, PropagationRecorder propagation, Clock clock) {
		this.propagation = propagation;
		this.clock = clock;
		PageConstructionProperties.Hollow settings = properties.hollow();
		HollowConsumer.BlobRetriever retriever;
		HollowConsumer.AnnouncementWatcher follower;
		Announcements announcements;
		String producerUrl = settings.producerUrl();
		if (producerUrl != null && !producerUrl.isBlank()) {
			HollowProducerEndpoint endpoint = HollowProducerEndpoint.of(URI.create(producerUrl),
					HollowProducerEndpoint.SERVICE_USER, properties.security().servicePassword());
			Path staging = directory(properties.dataDirectory().resolve("hollow-blobs"));
			retriever = new HttpBlobRetriever(endpoint, staging);
			HttpAnnouncementWatcher http = new HttpAnnouncementWatcher(endpoint, settings.longPollTimeout(),
					Duration.ofMillis(100), Duration.ofSeconds(5));
			follower = http;
			this.closeWatcher = http;
			announcements = new HttpAnnouncements(producerUrl, HollowProducerEndpoint.SERVICE_USER,
					properties.security().servicePassword());
			this.origin = "http " + producerUrl;
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
		}
		this.watcher = new CatchUpWatcher(follower, announcements);
		this.consumer = HollowConsumer.withBlobRetriever(retriever)
			.withAnnouncementWatcher(this.watcher)
			.withRefreshListener(new Listener())
			.build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		logger.info("Hollow consumer following {}", this.origin);
		// Load the announced state in the background: page construction starts even while the producer is down.
		this.consumer.triggerAsyncRefresh();
	}

	@Override
	public void destroy() throws Exception {
		this.closeWatcher.close();
	}

	@Override
	public ReadPath path() {
		return ReadPath.HOLLOW;
	}

	@Override
	public Optional<Page> find(String slug, Stage stage) {
		View current = this.view;
		if (current.index == null) {
			return Optional.empty();
		}
		int ordinal = current.index.getMatchingOrdinal(slug, stage.name());
		if (ordinal < 0) {
			return Optional.empty();
		}
		// Content versions are unique across every page stage, so an equal version is the same page: reuse the
		// object built for it instead of materializing ~50 elements from Hollow records on every request.
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
		// Memory is the store on this path; built pages are checked against its current version on every read.
		return find(slug, stage);
	}

	@Override
	public List<PageSummary> list(Stage stage) {
		return this.view.listings.getOrDefault(stage, List.of());
	}

	@Override
	public Lag lag(ConsistencyToken token) {
		Long required = token.hollowOffset();
		if (required == null) {
			throw new TokenNotForPathException(ReadPath.HOLLOW);
		}
		long current = this.view.version;
		return new Lag("version " + current, "version " + required, (current >= required) ? 0 : required - current,
				"versions");
	}

	@Override
	public void nudge() {
		try {
			this.watcher.catchUp(this.consumer);
		}
		catch (RuntimeException ex) {
			logger.debug("Hollow catch-up refresh failed", ex);
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
		return status;
	}

	/** @return the version held, or {@code Long.MIN_VALUE} before the first load */
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
		HollowTypeReadState pages = engine.getTypeState(HollowPage.TYPE);
		if (pages == null) {
			this.view = new View(version, engine, null, Map.of());
			return;
		}
		HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(engine, HollowPage.TYPE, "slug.value", "stage.value");
		BitSet populated = pages.getPopulatedOrdinals();
		Map<Stage, List<PageSummary>> listings = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			listings.put(stage, new ArrayList<>());
		}
		for (int ordinal = populated.nextSetBit(0); ordinal >= 0; ordinal = populated.nextSetBit(ordinal + 1)) {
			GenericHollowObject page = new GenericHollowObject(engine, HollowPage.TYPE, ordinal);
			Stage stage = Stage.valueOf(string(page, "stage"));
			listings.get(stage)
				.add(new PageSummary(string(page, "pageId"), string(page, "slug"), string(page, "title"),
						page.getLong("contentVersion")));
		}
		listings.values().forEach((list) -> list.sort(Comparator.comparing(PageSummary::slug)));
		this.view = new View(version, engine, index, listings);
		if (delta) {
			recordPropagation(engine, pages);
		}
	}

	private void recordPropagation(HollowReadStateEngine engine, HollowTypeReadState pages) {
		Instant now = this.clock.instant();
		BitSet added = (BitSet) pages.getPopulatedOrdinals().clone();
		added.andNot(pages.getPreviousOrdinals());
		for (int ordinal = added.nextSetBit(0); ordinal >= 0; ordinal = added.nextSetBit(ordinal + 1)) {
			GenericHollowObject page = new GenericHollowObject(engine, HollowPage.TYPE, ordinal);
			// Propagation is measured for public (published) content, the same as on the near-cache path.
			if (Stage.PUBLISHED.name().equals(string(page, "stage"))) {
				Page built = HollowPages.fromHollow(engine, ordinal);
				this.built.put(new PageKey(built.slug(), built.stage()), built);
				this.propagation.visible(ReadPath.HOLLOW, built, now);
			}
		}
	}

	private static String string(GenericHollowObject object, String field) {
		HollowObjectSchema schema = object.getSchema();
		if (schema.getFieldType(field) == FieldType.REFERENCE) {
			GenericHollowObject referenced = object.getObject(field);
			return (referenced != null) ? referenced.getString("value") : "";
		}
		String value = object.getString(field);
		return (value != null) ? value : "";
	}

	private record PageKey(String slug, Stage stage) {
	}

	private record View(long version, @Nullable HollowReadStateEngine engine, @Nullable HollowPrimaryKeyIndex index,
			Map<Stage, List<PageSummary>> listings) {

		static final View EMPTY = new View(Long.MIN_VALUE, null, null, Map.of());

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
			logger.warn("Hollow refresh to version {} failed; serving version {}: {}", requestedVersion,
					beforeVersion, failure.getMessage());
		}

	}

}
