package dev.marquee.hollowproducer.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.PageChanged;

/**
 * Queues write requests and runs them in batches on one cycle thread: the first request of a batch waits up
 * to the configured time for others to join, up to the configured number of changes, and every request of
 * the batch is answered with the version of the one cycle that contains it. Writes that arrive during a cycle
 * form the next batch, so throughput does not collapse to one cycle per write.
 */
final class WriteBatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WriteBatcher.class);

	private final PageCycles cycles;

	private final CycleMetrics metrics;

	private final BlockingQueue<PendingWrite> queue;

	private final Duration maxWait;

	private final int maxChanges;

	private volatile boolean running;

	private Thread thread;

	WriteBatcher(PageCycles cycles, CycleMetrics metrics, Duration maxWait, int maxChanges, int maxQueued) {
		this.cycles = cycles;
		this.metrics = metrics;
		this.maxWait = maxWait;
		this.maxChanges = maxChanges;
		this.queue = new ArrayBlockingQueue<>(maxQueued);
		this.thread = newThread();
	}

	/**
	 * Queues a write.
	 * @param changes the changes of one request
	 * @return completes once the state containing them is announced; fails when the cycle fails
	 * @throws WriteUnavailableException when the queue is full or the producer is stopping
	 */
	CompletableFuture<HollowWriteResult> submit(List<PageChanged> changes) {
		if (!this.running) {
			throw new WriteUnavailableException("the hollow-producer is not running");
		}
		PendingWrite write = new PendingWrite(changes, new CompletableFuture<>());
		if (!this.queue.offer(write)) {
			throw new WriteUnavailableException("too many writes are waiting for a producer cycle");
		}
		return write.result();
	}

	private void run() {
		List<PendingWrite> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				PendingWrite first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				int changes = first.changes().size();
				long deadline = System.nanoTime() + this.maxWait.toNanos();
				while (changes < this.maxChanges) {
					PendingWrite next = this.queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					if (next == null) {
						break;
					}
					batch.add(next);
					changes += next.changes().size();
				}
				cycle(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
		WriteUnavailableException stopping = new WriteUnavailableException("the hollow-producer stopped");
		this.queue.forEach((pending) -> pending.result().completeExceptionally(stopping));
	}

	private void cycle(List<PendingWrite> batch) {
		long started = System.nanoTime();
		try {
			PageCycles.Outcome outcome = this.cycles.apply(batch.stream().map(PendingWrite::changes).toList());
			long nanos = System.nanoTime() - started;
			int applied = 0;
			int ignored = 0;
			for (int i = 0; i < batch.size(); i++) {
				applied += outcome.applied()[i];
				ignored += outcome.ignored()[i];
			}
			this.metrics.cycleSucceeded(nanos, outcome.version(), outcome.written(), batch.size(), applied, ignored);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i)
					.result()
					.complete(new HollowWriteResult(outcome.version(), outcome.applied()[i], outcome.ignored()[i]));
			}
		}
		catch (RuntimeException ex) {
			this.metrics.cycleFailed(System.nanoTime() - started, ex);
			logger.error("Producer cycle of " + batch.size() + " write requests failed; they were not acknowledged",
					ex);
			WriteUnavailableException failure = new WriteUnavailableException("the producer cycle failed: " + ex);
			batch.forEach((pending) -> pending.result().completeExceptionally(failure));
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			this.thread.join(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = newThread();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// start before the web server takes requests and stop after it has stopped (and drained) them
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private Thread newThread() {
		Thread thread = new Thread(this::run, "hollow-producer-cycle");
		thread.setDaemon(false);
		return thread;
	}

	private record PendingWrite(List<PageChanged> changes, CompletableFuture<HollowWriteResult> result) {
	}

}
