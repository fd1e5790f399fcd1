package dev.marquee.page.pages;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.page.PageConstructionProperties;
import dev.marquee.page.readpath.ReadPathSwitch;
import dev.marquee.page.source.ConsistencyWait;
import dev.marquee.page.source.PageSources;
import dev.marquee.page.source.PageSummary;

/**
 * Builds pages from the chosen read path: the per-request override, else the active path
 * read once at the start of the request (so a switch never affects a request in flight).
 * Build time is the {@code marquee.page.build} timer tagged with the path.
 */
@Component
class PageReader {

	private static final Logger logger = LoggerFactory.getLogger(PageReader.class);

	private final PageSources sources;

	private final ReadPathSwitch readPath;

	private final ConsistencyWait consistency;

	private final PageConstructionProperties properties;

	private final MeterRegistry registry;

	private final java.util.Map<ReadPath, Timer> timers = new java.util.EnumMap<>(ReadPath.class);

	// The version last read per (path, stage, slug), so each new version's first read is
	// logged once at INFO.
	private final Cache<FirstReadKey, Long> firstReads = Caffeine.newBuilder().maximumSize(10_000).build();

	PageReader(PageSources sources, ReadPathSwitch readPath, ConsistencyWait consistency,
			PageConstructionProperties properties, MeterRegistry registry) {
		this.sources = sources;
		this.readPath = readPath;
		this.consistency = consistency;
		this.properties = properties;
		this.registry = registry;
		for (ReadPath path : ReadPath.values()) {
			this.timers.put(path,
					Timer.builder("marquee.page.build")
						.description("Time to build a page from a read path")
						.tag("path", path.name())
						.publishPercentileHistogram()
						.register(registry));
		}
	}

	ReadPath choose(@Nullable ReadPath override) {
		return (override != null) ? override : this.readPath.active();
	}

	Served published(String slug, ReadPath path) {
		Timer.Sample sample = Timer.start(this.registry);
		Optional<Page> page = this.sources.get(path).find(slug, Stage.PUBLISHED);
		sample.stop(timer(path));
		Page found = page.orElseThrow(() -> new PageNotFoundException(slug, Stage.PUBLISHED, path));
		log(found, path, false);
		return new Served(path, found);
	}

	Served preview(String slug, ReadPath path, @Nullable String encodedToken) {
		Timer.Sample sample = Timer.start(this.registry);
		Optional<Page> page;
		if (encodedToken == null || encodedToken.isBlank()) {
			page = this.sources.get(path).find(slug, Stage.PREVIEW);
		}
		else {
			ConsistencyToken token = ConsistencyToken.decode(encodedToken);
			page = this.consistency.read(this.sources.get(path), token, slug, Stage.PREVIEW,
					this.properties.preview().maxWait());
		}
		sample.stop(timer(path));
		Page found = page.orElseThrow(() -> new PageNotFoundException(slug, Stage.PREVIEW, path));
		log(found, path, true);
		return new Served(path, found);
	}

	List<PageSummary> list(ReadPath path) {
		return this.sources.get(path).list(Stage.PUBLISHED);
	}

	private Timer timer(ReadPath path) {
		return this.timers.get(path);
	}

	private void log(Page page, ReadPath path, boolean preview) {
		// The write's trace id (the webhook's traceparent) ties this read to the
		// ingestion, Kafka, data-consumer and
		// hollow-producer log lines of the write; the line's own [trace-span] prefix is
		// this request's trace.
		FirstReadKey key = new FirstReadKey(path, page.stage(), page.slug());
		// A read, then a write only when the version changed: nearly every read sees the
		// version it saw before, and a Caffeine write costs far more than a read.
		Long previous = this.firstReads.getIfPresent(key);
		boolean first = previous == null || previous != page.contentVersion();
		if (first) {
			previous = this.firstReads.asMap().put(key, page.contentVersion());
			// Two readers racing on one new version: only the one that replaced the old
			// value logs it.
			first = previous == null || previous != page.contentVersion();
		}
		if (first) {
			logger.info("First read of {} {} v{} from {} (write trace {})", page.stage(), page.slug(),
					page.contentVersion(), path, page.traceId());
		}
		else if (preview) {
			logger.info("Served preview {} v{} from {} (write trace {})", page.slug(), page.contentVersion(), path,
					page.traceId());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Served {} v{} from {} (write trace {})", page.slug(), page.contentVersion(), path,
					page.traceId());
		}
	}

	private record FirstReadKey(ReadPath path, Stage stage, String slug) {
	}

}
