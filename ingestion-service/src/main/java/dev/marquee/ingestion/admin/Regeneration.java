package dev.marquee.ingestion.admin;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.ingest.Ingestion;
import dev.marquee.ingestion.ingest.Outcome;
import dev.marquee.ingestion.ingest.StoredContent;
import dev.marquee.support.observability.TraceIds;

/**
 * Regenerates every page from the write-side store: re-renders each stage that has a
 * document and republishes it to every write path, in chunks so webhooks keep flowing in
 * between. One run at a time.
 */
@Component
class Regeneration implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Regeneration.class);

	private static final int CHUNK = 50;

	private final StoredContent stored;

	private final Ingestion ingestion;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "regenerate");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

	Regeneration(StoredContent stored, Ingestion ingestion) {
		this.stored = stored;
		this.ingestion = ingestion;
	}

	/**
	 * Starts a run unless one is running.
	 * @return the status after the call
	 */
	synchronized Status start() {
		if (this.status.get().state() == State.RUNNING) {
			return this.status.get();
		}
		String traceId = TraceIds.current();
		List<String> pageIds = this.stored.allPageIds();
		Status started = new Status(State.RUNNING, pageIds.size(), 0, 0, 0, Instant.now(), null, null, traceId);
		this.status.set(started);
		this.executor.execute(() -> run(pageIds, traceId));
		return started;
	}

	Status status() {
		return this.status.get();
	}

	private void run(List<String> pageIds, String traceId) {
		MDC.put(TraceIds.MDC_KEY, traceId);
		logger.info("Regenerating {} page(s)", pageIds.size());
		try {
			for (int from = 0; from < pageIds.size(); from += CHUNK) {
				List<String> chunk = pageIds.subList(from, Math.min(pageIds.size(), from + CHUNK));
				Outcome outcome = this.ingestion.rerender(chunk, "regenerate", traceId);
				this.status.updateAndGet(
						(current) -> current.progress(chunk.size(), outcome.pages().size(), outcome.problems().size()));
			}
			this.status.updateAndGet((current) -> current.finish(State.COMPLETED, null));
			logger.info("Regenerated: {}", this.status.get());
		}
		catch (RuntimeException ex) {
			logger.warn("Regeneration failed", ex);
			this.status.updateAndGet((current) -> current.finish(State.FAILED, ex.getMessage()));
		}
		finally {
			MDC.remove(TraceIds.MDC_KEY);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** Where a regeneration stands. */
	enum State {

		/** Never ran. */
		IDLE,

		/** Running now. */
		RUNNING,

		/** The last run finished. */
		COMPLETED,

		/**
		 * The last run stopped on an error (e.g. a write path went down); run it again.
		 */
		FAILED

	}

	/**
	 * Progress of the current or last run.
	 *
	 * @param state where it stands
	 * @param totalPages pages to regenerate
	 * @param processedPages pages done
	 * @param publishedStages page stages republished
	 * @param failedStages page stages that failed to render (see
	 * {@code /admin/render-problems})
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param error why it failed
	 * @param traceId the trace id stamped on every republished page
	 */
	record Status(State state, int totalPages, int processedPages, int publishedStages, int failedStages,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String error,
			@Nullable String traceId) {

		static Status idle() {
			return new Status(State.IDLE, 0, 0, 0, 0, null, null, null, null);
		}

		Status progress(int pages, int published, int failed) {
			return new Status(this.state, this.totalPages, this.processedPages + pages,
					this.publishedStages + published, this.failedStages + failed, this.startedAt, null, null,
					this.traceId);
		}

		Status finish(State end, @Nullable String failure) {
			return new Status(end, this.totalPages, this.processedPages, this.publishedStages, this.failedStages,
					this.startedAt, Instant.now(), failure, this.traceId);
		}

	}

}
