package dev.marquee.hollowproducer.write;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The one thread of a {@link org.springframework.context.SmartLifecycle} worker (the
 * appender, the cycle runner): started with its bean, asked to finish on stop and joined
 * for a while, and a new thread on every start, so a stopped context can be started
 * again. Non-daemon, so the JVM waits for the work in hand (a group commit, a cycle).
 */
final class WorkerThread {

	private final String name;

	private final Duration joinTimeout;

	private final Runnable work;

	private volatile boolean running;

	private @Nullable Thread thread;

	/**
	 * A worker.
	 * @param name the thread's name
	 * @param joinTimeout how long {@link #stop} waits for the work to finish
	 * @param work runs while {@link #isRunning()}, and returns once it is not
	 */
	WorkerThread(String name, Duration joinTimeout, Runnable work) {
		this.name = name;
		this.joinTimeout = joinTimeout;
		this.work = work;
	}

	void start() {
		this.running = true;
		Thread started = new Thread(this.work, this.name);
		started.setDaemon(false);
		this.thread = started;
		started.start();
	}

	/**
	 * Asks the work to finish and waits for it.
	 * @param wakeUp ends a wait the work may be in, after {@link #isRunning()} turned
	 * false
	 */
	void stop(Runnable wakeUp) {
		this.running = false;
		wakeUp.run();
		Thread stopping = this.thread;
		if (stopping == null) {
			return;
		}
		try {
			stopping.join(this.joinTimeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	boolean isRunning() {
		return this.running;
	}

}
