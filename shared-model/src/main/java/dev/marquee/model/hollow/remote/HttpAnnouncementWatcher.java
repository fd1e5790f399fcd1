package dev.marquee.model.hollow.remote;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.netflix.hollow.api.consumer.HollowConsumer;
import tools.jackson.databind.JsonNode;

import dev.marquee.model.json.MarqueeJson;

/**
 * Learns of newly announced Hollow versions by long-polling the hollow-producer
 * ({@code GET /v1/announcements/await}), and refreshes every subscribed consumer as soon
 * as one arrives, instead of polling a file every second.
 *
 * <p>
 * While the producer is unreachable it keeps retrying with exponential backoff; consumers
 * keep the version they hold. {@link #getLatestVersion()} is the latest version this
 * watcher has heard of.
 */
public final class HttpAnnouncementWatcher implements HollowConsumer.AnnouncementWatcher, AutoCloseable {

	private static final Logger logger = Logger.getLogger(HttpAnnouncementWatcher.class.getName());

	private final HollowProducerEndpoint endpoint;

	private final HttpClient client;

	private final Duration pollTimeout;

	private final Duration minBackoff;

	private final Duration maxBackoff;

	private final AtomicLong latest = new AtomicLong(NO_ANNOUNCEMENT_AVAILABLE);

	private final List<HollowConsumer> consumers = new CopyOnWriteArrayList<>();

	private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService poller;

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile boolean connected;

	private long backoffMillis;

	/**
	 * A watcher with a 30 s long-poll and 100 ms to 5 s backoff.
	 * @param endpoint the producer
	 */
	public HttpAnnouncementWatcher(HollowProducerEndpoint endpoint) {
		this(endpoint, Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(5));
	}

	/**
	 * A watcher.
	 * @param endpoint the producer
	 * @param pollTimeout how long one long-poll may wait on the producer before it
	 * answers unchanged
	 * @param minBackoff the first retry delay after a failed poll
	 * @param maxBackoff the longest retry delay while the producer stays unreachable
	 */
	public HttpAnnouncementWatcher(HollowProducerEndpoint endpoint, Duration pollTimeout, Duration minBackoff,
			Duration maxBackoff) {
		this.endpoint = endpoint;
		this.client = endpoint.newClient();
		this.pollTimeout = pollTimeout;
		this.minBackoff = minBackoff;
		this.maxBackoff = maxBackoff;
		this.backoffMillis = minBackoff.toMillis();
		this.poller = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "hollow-announcement-watcher");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The latest announced version known. Before the first successful poll this asks the
	 * producer once, so a consumer's initial refresh finds the current state.
	 * @return the version, or {@link #NO_ANNOUNCEMENT_AVAILABLE} when nothing was
	 * announced or the producer was never reachable
	 */
	@Override
	public long getLatestVersion() {
		long known = this.latest.get();
		if (known == NO_ANNOUNCEMENT_AVAILABLE && !this.connected) {
			try {
				observe(fetch("/v1/announcements/latest", this.endpoint.requestTimeout()));
			}
			catch (HollowProducerException ex) {
				logger.log(Level.FINE, "hollow-producer unreachable for the latest announcement", ex);
			}
		}
		return this.latest.get();
	}

	@Override
	public void subscribeToUpdates(HollowConsumer consumer) {
		this.consumers.add(consumer);
		start();
	}

	/**
	 * Calls a listener with each newly announced version (after the consumers' refresh
	 * was triggered).
	 * @param listener the listener; called on the watcher's thread
	 */
	public void addListener(LongConsumer listener) {
		this.listeners.add(listener);
		start();
	}

	/**
	 * Whether the last poll reached the producer.
	 * @return true while the producer answers
	 */
	public boolean isConnected() {
		return this.connected;
	}

	/**
	 * Starts long-polling, if not yet started (subscribing a consumer starts it too).
	 */
	public void start() {
		if (this.started.compareAndSet(false, true)) {
			this.poller.execute(this::poll);
		}
	}

	@Override
	public void close() {
		this.poller.shutdownNow();
	}

	private void poll() {
		long after = this.latest.get();
		try {
			long version = fetch(
					"/v1/announcements/await?after=" + wire(after) + "&timeoutMs=" + this.pollTimeout.toMillis(),
					this.pollTimeout.plus(this.endpoint.requestTimeout()));
			this.connected = true;
			this.backoffMillis = this.minBackoff.toMillis();
			observe(version);
			schedule(0);
		}
		catch (HollowProducerException ex) {
			if (this.connected) {
				logger.log(Level.WARNING, "hollow-producer unreachable, consumers keep version " + after
						+ "; retrying with backoff: " + ex.getMessage());
			}
			this.connected = false;
			long delay = this.backoffMillis;
			this.backoffMillis = Math.min(this.backoffMillis * 2, this.maxBackoff.toMillis());
			schedule(delay);
		}
		catch (RuntimeException ex) {
			logger.log(Level.WARNING, "unexpected failure while watching announcements", ex);
			schedule(this.maxBackoff.toMillis());
		}
	}

	private void schedule(long delayMillis) {
		if (!this.poller.isShutdown()) {
			this.poller.schedule(this::poll, delayMillis, TimeUnit.MILLISECONDS);
		}
	}

	// the producer's API says -1 for "nothing announced yet", Hollow says
	// NO_ANNOUNCEMENT_AVAILABLE
	private static long wire(long version) {
		return (version == NO_ANNOUNCEMENT_AVAILABLE) ? -1 : version;
	}

	private void observe(long version) {
		if (version < 0) {
			return;
		}
		long previous = this.latest.getAndSet(version);
		if (previous != version) {
			for (HollowConsumer consumer : this.consumers) {
				consumer.triggerAsyncRefresh();
			}
			for (LongConsumer listener : this.listeners) {
				listener.accept(version);
			}
		}
	}

	private long fetch(String pathAndQuery, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(this.endpoint.resolve(pathAndQuery))
			.timeout(timeout)
			.header("Authorization", this.endpoint.authorization())
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new HollowProducerException("GET " + pathAndQuery + " answered " + response.statusCode(),
						response.statusCode());
			}
			JsonNode body = MarqueeJson.mapper().readTree(response.body());
			long version = body.path("version").asLong(-1);
			return (version < 0) ? NO_ANNOUNCEMENT_AVAILABLE : version;
		}
		catch (IOException ex) {
			throw new HollowProducerException("GET " + pathAndQuery + " failed: " + ex, 0, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HollowProducerException("interrupted", 0, ex);
		}
	}

}
