package dev.marquee.ingestion.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.DocumentState;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.ingest.IngestionRefusedException.Reason;
import dev.marquee.ingestion.store.DeliveryLog;
import dev.marquee.ingestion.store.DeliveryLog.SeenDelivery;
import dev.marquee.ingestion.store.DocumentStore;
import dev.marquee.ingestion.store.RenderedPages;
import dev.marquee.ingestion.store.StoreRequests;
import dev.marquee.model.ContentVersionClock;
import dev.marquee.model.Stage;

/**
 * Ingests one verified delivery: de-duplicates it, applies the integrity and version
 * rules ({@link VersionRules}), and hands it to {@link PageWrites} or
 * {@link CatalogWrites}, which render every page it affects (the page itself, or every
 * page using a changed title, talent or asset) and publish them to every enabled write
 * path. Only once every path accepted the change are the document's state and the
 * delivery recorded, so a retry of a delivery that failed half-way is applied in full.
 *
 * <p>
 * Refusals are {@link IngestionRefusedException}s and
 * {@link dev.marquee.ingestion.render.RenderException}s; a write path that is down is a
 * {@link dev.marquee.ingestion.publish.WritePathUnavailableException}.
 */
@Service
public class Ingestion {

	private static final Logger logger = LoggerFactory.getLogger(Ingestion.class);

	private final DeliveryLog deliveries;

	private final DocumentStore documents;

	private final PageLocks locks;

	private final PageWrites pages;

	private final CatalogWrites catalog;

	private final Rerendering rerendering;

	private final Clock clock;

	private final MeterRegistry meters;

	Ingestion(DeliveryLog deliveries, DocumentStore documents, RenderedPages renderedPages, PageLocks locks,
			PageWrites pages, CatalogWrites catalog, Rerendering rerendering, SlugClaims slugs,
			ContentVersionClock versions, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.documents = documents;
		this.locks = locks;
		this.pages = pages;
		this.catalog = catalog;
		this.rerendering = rerendering;
		this.clock = clock;
		this.meters = meters;
		long highest = renderedPages.maxContentVersion();
		versions.observe(highest);
		logger.info("Content versions continue after {}", highest);
		int claimed = slugs.claimPublished();
		if (claimed > 0) {
			logger.info("Claimed the slugs of {} page stage(s) published before slugs were claimed", claimed);
		}
	}

	/**
	 * Ingests one delivery.
	 * @param change the delivery, verified and mapped to Marquee's format
	 * @return what happened
	 * @throws IngestionRefusedException for a reused delivery id, a document of another
	 * source, a slug another page holds, or an unusable version or fields
	 * @throws dev.marquee.ingestion.render.RenderException for a document that cannot be
	 * rendered or checked
	 * @throws dev.marquee.ingestion.publish.WritePathUnavailableException when a write
	 * path is down (a store that is down throws the driver's exception)
	 */
	public IngestionResult handle(IncomingChange change) {
		VersionRules.checkPlausible(change);
		String bodySha256 = bodySha256(change);
		List<Lock> held = this.locks.lock(change);
		try {
			// Every read the delivery needs at once: waiting for them one after the other
			// was most of a webhook's answer time.
			CompletableFuture<Optional<SeenDelivery>> delivery = this.deliveries.delivery(change.source(),
					change.deliveryId());
			CompletableFuture<Optional<DocumentState>> state = this.documents.state(change.type(), change.documentId());
			PageWrites.Reads pageReads = (change.type() == ContentType.PAGE) ? this.pages.read(change) : null;
			Optional<SeenDelivery> seen = StoreRequests.await(delivery);
			if (seen.isPresent()) {
				String recorded = seen.get().bodySha256();
				if (recorded != null && !recorded.equals(bodySha256)) {
					count(change, "delivery-id-reused");
					throw new IngestionRefusedException(Reason.DELIVERY_ID_REUSED,
							"Delivery " + change.deliveryId() + " was processed before with another body; "
									+ "a retry must send the same bytes, a new change needs a new delivery id")
						.with("deliveryId", change.deliveryId());
				}
				logger.info("Duplicate delivery {} from {}", change.deliveryId(), change.source());
				count(change, "duplicate");
				return IngestionResult.duplicate(change);
			}
			Optional<DocumentState> current = StoreRequests.await(state);
			String owner = current.map(DocumentState::owner).orElse(null);
			if (owner != null && !owner.equals(change.source())) {
				count(change, "owned-by-other-source");
				throw new IngestionRefusedException(Reason.DOCUMENT_OWNED_BY_OTHER_SOURCE,
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
				this.deliveries.recordDelivery(change.source(), change.deliveryId(), "ignored: " + reason, bodySha256);
				count(change, "ignored");
				return IngestionResult.ignored(change, reason);
			}
			long version = decision.version();
			List<CompletableFuture<?>> after = new ArrayList<>();
			Outcome outcome;
			try {
				outcome = (pageReads != null) ? this.pages.write(change, decision, pageReads, after)
						: this.catalog.write(change, decision);
			}
			catch (RuntimeException ex) {
				// The page lock is released only once the store has settled.
				settle(after);
				throw ex;
			}
			// Only now, with every path's acknowledgement, and together with the writes
			// that follow publishing (rendered rows, slugs given back): a retry of a
			// delivery that failed half-way is applied.
			after.add(this.documents.saveState(change.type(), change.documentId(), decision.after()));
			StoreRequests.awaitAll(after);
			// Last, once every write it depends on was acknowledged.
			String recorded = change.action().wireName() + " v" + version + ": " + outcome.pages().size() + " page(s)";
			this.deliveries.recordDelivery(change.source(), change.deliveryId(), recorded, bodySha256);
			count(change, "accepted");
			logger.info("Ingested {} {} {} v{} from {} into {}: {} page stage(s) published, {} render problem(s)",
					change.action().wireName(), change.type().wireName(), change.documentId(), version, change.source(),
					decision.stages(), outcome.pages().size(), outcome.problems().size());
			return new IngestionResult(change.source(), change.deliveryId(), false, false, decision.kept(),
					change.type().wireName(), change.documentId(), version, change.action().wireName(), outcome.pages(),
					outcome.problems(), outcome.encodedToken());
		}
		finally {
			held.forEach(Lock::unlock);
		}
	}

	/**
	 * Re-renders and republishes some pages, every stage that has a document.
	 * @param pageIds the pages
	 * @param trigger why, for the render-problem list
	 * @param traceId the trace id to stamp
	 * @return what happened
	 */
	public Outcome rerender(Collection<String> pageIds, String trigger, String traceId) {
		Lock exclusive = this.locks.exclusive();
		try {
			return this.rerendering.rerender(pageIds, EnumSet.allOf(Stage.class), trigger, this.clock.instant(),
					traceId);
		}
		finally {
			exclusive.unlock();
		}
	}

	private static void settle(List<CompletableFuture<?>> requests) {
		StoreRequests.all(requests).handle((result, failure) -> null).join();
	}

	// The controllers decode the body as strict UTF-8 before mapping it, so these bytes
	// are the bytes received.
	private static String bodySha256(IncomingChange change) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(change.raw().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void count(IncomingChange change, String outcome) {
		this.meters
			.counter("marquee.ingestion.deliveries", "source", change.source(), "type", change.type().wireName(),
					"outcome", outcome)
			.increment();
	}

}
