package dev.marquee.page.hollow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemAnnouncer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemPublisher;
import com.sun.net.httpserver.HttpExchange;

import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.Stage;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;
import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.model.writelog.WriteLogBatch;
import dev.marquee.model.writelog.WriteLogEntry;

/**
 * Our own collaborator for the follower's tests: the hollow-producer's write log as its
 * contract says ({@link WriteLog}), in memory, with a REAL Hollow producer (filesystem
 * blob store) whose cycles fold the log and tag every state with the highest offset it
 * contains and the log id. Cycles run only when a test calls {@link #cycle()}, so a test
 * can prove a write is readable before any state contains it.
 */
final class TestWriteLog {

	private static final int BATCH_LIMIT = 100;

	private final HollowProducer producer;

	private final String logId = UUID.randomUUID().toString();

	private final List<WriteLogEntry> entries = new ArrayList<>();

	private final Map<String, Page> state = new LinkedHashMap<>();

	private long head = WriteLog.NO_OFFSET;

	private long stateOffset = WriteLog.NO_OFFSET;

	private long stateVersion = -1;

	// entries <= this offset are no longer kept (a durable state holds them)
	private long truncatedThrough = WriteLog.NO_OFFSET;

	private boolean unavailable;

	TestWriteLog(Path blobs) {
		this.producer = HollowProducer.withPublisher(new HollowFilesystemPublisher(blobs))
			.withAnnouncer(new HollowFilesystemAnnouncer(blobs))
			.withNumStatesBetweenSnapshots(5)
			.build();
		this.producer.initializeDataModel(HollowPage.class);
	}

	/**
	 * Appends an upsert.
	 * @param page the page
	 * @param previousSlug the slug it had, when renamed
	 * @return its offset
	 */
	long upsert(Page page, String previousSlug) {
		return append(PageChanged.upserted(page, previousSlug));
	}

	long upsert(Page page) {
		return upsert(page, null);
	}

	/**
	 * Appends a removal.
	 * @return its offset
	 */
	long remove(String pageId, Stage stage, String slug, long version) {
		return append(PageChanged.deleted(pageId, stage, slug, version, Instant.now(), "trace-remove-" + pageId));
	}

	synchronized long append(PageChanged change) {
		this.head++;
		this.entries.add(new WriteLogEntry(this.head, change));
		notifyAll();
		return this.head;
	}

	/**
	 * Runs a Hollow cycle folding every entry appended so far, tagged with the head
	 * offset.
	 * @return the offset the new state contains
	 */
	synchronized long cycle() {
		for (WriteLogEntry entry : this.entries) {
			if (entry.offset() > this.stateOffset) {
				PageChanged change = entry.change();
				String key = change.pageId() + "/" + change.stage();
				if (change.kind() == PageChanged.ChangeKind.UPSERTED) {
					this.state.put(key, change.page());
				}
				else {
					this.state.remove(key);
				}
			}
		}
		this.producer.getWriteEngine().addHeaderTag(WriteLog.STATE_OFFSET_TAG, Long.toString(this.head));
		this.producer.getWriteEngine().addHeaderTag(WriteLog.LOG_ID_TAG, this.logId);
		long version = this.producer
			.runCycle((writer) -> this.state.values().forEach((page) -> writer.add(HollowPages.toHollow(page))));
		// An unchanged state is not published again: the announced state keeps its
		// offset.
		if (version != this.stateVersion) {
			this.stateVersion = version;
			this.stateOffset = this.head;
		}
		return this.stateOffset;
	}

	/**
	 * Forgets every entry the latest state contains, as the producer may once that state
	 * is durable.
	 */
	synchronized void truncate() {
		this.truncatedThrough = this.stateOffset;
	}

	/**
	 * Makes every log call, and every long-poll in progress, answer 503 (the producer is
	 * down).
	 */
	synchronized void unavailable(boolean down) {
		this.unavailable = down;
		notifyAll();
	}

	synchronized long head() {
		return this.head;
	}

	synchronized long stateOffset() {
		return this.stateOffset;
	}

	void serve(HttpExchange exchange, long after, long timeoutMs) throws IOException {
		int status;
		byte[] body;
		synchronized (this) {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
			try {
				while (!this.unavailable && after >= this.truncatedThrough && this.head <= after) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						break;
					}
					wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.unavailable = true;
			}
			if (this.unavailable) {
				status = 503;
				body = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
			}
			else if (after < this.truncatedThrough) {
				status = 410;
				body = ("{\"type\":\"" + WriteLog.TRUNCATED_PROBLEM_TYPE + "\",\"title\":\"Log truncated\","
						+ "\"status\":410,\"detail\":\"entries up to " + this.truncatedThrough
						+ " are only in the state\"}")
					.getBytes(StandardCharsets.UTF_8);
			}
			else {
				List<WriteLogEntry> batch = new ArrayList<>();
				for (WriteLogEntry entry : this.entries) {
					if (entry.offset() > after && batch.size() < BATCH_LIMIT) {
						batch.add(entry);
					}
				}
				status = 200;
				body = MarqueeJson.mapper()
					.writeValueAsBytes(
							new WriteLogBatch(this.logId, batch, this.head, this.stateOffset, this.stateVersion));
			}
		}
		exchange.getResponseHeaders()
			.add("Content-Type", (status == 200) ? "application/json" : "application/problem+json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
