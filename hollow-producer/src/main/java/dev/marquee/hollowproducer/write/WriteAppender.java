package dev.marquee.hollowproducer.write;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import dev.marquee.hollowproducer.log.DurableWriteLog;
import dev.marquee.hollowproducer.log.LogRecord;
import dev.marquee.model.HollowWriteResult;

/**
 * The writer: one thread takes every write request waiting, decides last-write-wins for
 * each change against the state plus every entry already appended, gives each winner the
 * next offset, appends them all to the write log with one force (group commit), and only
 * then answers each request. Concurrent writers share a force instead of queueing behind
 * each other's, so concurrency raises throughput, not latency. Nothing here waits for a
 * Hollow cycle: winners go to the pending set the cycle thread folds.
 */
final class WriteAppender implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WriteAppender.class);

	private final DurableWriteLog log;

	/**
	 * The state plus every durable entry: only the appender thread uses it after
	 * start-up.
	 */
	private final VersionIndex index;

	private final PendingChanges pending;

	private final int cycleMaxPending;

	private final BlockingQueue<PendingWrite> queue;

	private final Timer latency;

	private final Timer logWrite;

	private final DistributionSummary batchRequests;

	private final Counter applied;

	private final Counter ignored;

	private final WorkerThread worker = new WorkerThread("hollow-producer-appender", Duration.ofSeconds(30), this::run);

	WriteAppender(DurableWriteLog log, VersionIndex index, PendingChanges pending, int cycleMaxPending, int maxQueued,
			MeterRegistry meters) {
		this.log = log;
		this.index = index;
		this.pending = pending;
		this.cycleMaxPending = cycleMaxPending;
		this.queue = new ArrayBlockingQueue<>(maxQueued);
		this.latency = Timer.builder("marquee.hollow.write.append")
			.description("A write request from its arrival to its durable answer (queue, group commit, force)")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.logWrite = Timer.builder("marquee.hollow.log.write")
			.description("One group commit: writing a batch of records and forcing them to disk")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
		this.batchRequests = DistributionSummary.builder("marquee.hollow.write.batch")
			.description("Write requests answered by one group commit")
			.register(meters);
		this.applied = Counter.builder("marquee.hollow.changes").tag("outcome", "applied").register(meters);
		this.ignored = Counter.builder("marquee.hollow.changes").tag("outcome", "ignored").register(meters);
	}

	/**
	 * Replays a durable entry on start: it is in the log but in no announced state.
	 * @param offset its offset
	 * @param change its change
	 */
	void replay(long offset, ChangeEnvelope change) {
		this.index.put(change.key(), entry(change));
		this.pending.add(offset, change, Integer.MAX_VALUE);
	}

	/**
	 * Queues a write.
	 * @param changes the changes of one request, each with the JSON the log stores and
	 * serves
	 * @return completes once its log entries are forced to disk; fails with
	 * {@link WriteUnavailableException} when they could not be
	 * @throws WriteUnavailableException when the queue is full or the producer is
	 * stopping
	 */
	CompletableFuture<HollowWriteResult> submit(List<ChangeEnvelope> changes) {
		if (!this.worker.isRunning()) {
			throw new WriteUnavailableException("the hollow-producer is not running");
		}
		PendingWrite write = new PendingWrite(changes, new CompletableFuture<>(), System.nanoTime());
		if (!this.queue.offer(write)) {
			throw new WriteUnavailableException("too many writes are waiting for the write log");
		}
		return write.result();
	}

	private void run() {
		List<PendingWrite> batch = new ArrayList<>();
		while (this.worker.isRunning() || !this.queue.isEmpty()) {
			try {
				PendingWrite first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch);
				append(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException ex) {
				logger.error("Appending " + batch.size() + " write requests failed; they were not acknowledged", ex);
				WriteUnavailableException failure = new WriteUnavailableException("the write log failed: " + ex);
				batch.forEach((write) -> write.result().completeExceptionally(failure));
			}
			finally {
				batch.clear();
			}
		}
		WriteUnavailableException stopping = new WriteUnavailableException("the hollow-producer stopped");
		this.queue.forEach((write) -> write.result().completeExceptionally(stopping));
	}

	private void append(List<PendingWrite> batch) {
		long next = this.log.head() + 1;
		List<LogRecord> records = new ArrayList<>();
		List<ChangeEnvelope> appended = new ArrayList<>();
		// the versions this batch appends, over the index, which only takes them once
		// they are durable
		Map<PageKey, VersionIndex.Entry> batchIndex = new HashMap<>();
		int[] appliedPerWrite = new int[batch.size()];
		long[] highestPerWrite = new long[batch.size()];
		int ignoredChanges = 0;
		for (int w = 0; w < batch.size(); w++) {
			PendingWrite write = batch.get(w);
			for (int i = 0; i < write.changes().size(); i++) {
				ChangeEnvelope change = write.changes().get(i);
				PageKey key = change.key();
				VersionIndex.Entry current = batchIndex.get(key);
				if (current == null) {
					current = this.index.get(key);
				}
				if (current != null && change.contentVersion() <= current.version()) {
					ignoredChanges++;
					continue;
				}
				long offset = next + records.size();
				records.add(new LogRecord(offset, change.json()));
				appended.add(change);
				batchIndex.put(key, entry(change));
				appliedPerWrite[w]++;
				highestPerWrite[w] = offset;
			}
		}
		if (!records.isEmpty()) {
			long started = System.nanoTime();
			try {
				this.log.append(records);
			}
			catch (IOException ex) {
				logger.error("The write log could not make " + records.size() + " entries durable; " + batch.size()
						+ " write requests answered 503", ex);
				WriteUnavailableException failure = new WriteUnavailableException(
						"the write log could not be written: " + ex.getMessage());
				batch.forEach((write) -> write.result().completeExceptionally(failure));
				return;
			}
			this.logWrite.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			batchIndex.forEach(this.index::put);
			for (int i = 0; i < records.size(); i++) {
				this.pending.add(records.get(i).offset(), appended.get(i), this.cycleMaxPending);
			}
		}
		long head = this.log.head();
		this.batchRequests.record(batch.size());
		this.applied.increment(records.size());
		this.ignored.increment(ignoredChanges);
		long now = System.nanoTime();
		for (int w = 0; w < batch.size(); w++) {
			PendingWrite write = batch.get(w);
			int appliedChanges = appliedPerWrite[w];
			long offset = (appliedChanges > 0) ? highestPerWrite[w] : head;
			this.latency.record(now - write.arrived(), TimeUnit.NANOSECONDS);
			write.result()
				.complete(new HollowWriteResult(offset, appliedChanges, write.changes().size() - appliedChanges));
		}
	}

	private static VersionIndex.Entry entry(ChangeEnvelope change) {
		return new VersionIndex.Entry(change.contentVersion(), change.deleted());
	}

	@Override
	public void start() {
		this.worker.start();
	}

	@Override
	public void stop() {
		// the thread polls its queue every 100 ms: nothing to wake
		this.worker.stop(() -> {
		});
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

	@Override
	public int getPhase() {
		// start before the web server takes requests and stop after it has stopped (and
		// drained) them
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record PendingWrite(List<ChangeEnvelope> changes, CompletableFuture<HollowWriteResult> result,
			long arrived) {
	}

}
