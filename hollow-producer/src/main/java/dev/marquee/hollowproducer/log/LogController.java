package dev.marquee.hollowproducer.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.hollowproducer.HollowProducerProperties;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.model.writelog.WriteLogBatch;

/**
 * {@code GET /v1/log?after=OFFSET&timeoutMs=T}: the durable entries after {@code OFFSET}
 * at once when there are any, otherwise a long-poll that answers as soon as one is
 * appended, or empty after the timeout. The body is a {@link WriteLogBatch} built by
 * concatenating the stored JSON of each change: no page is serialised again.
 */
@RestController
@Tag(name = "log", description = "The durable write log, followed by every reader (role SERVICE)")
class LogController {

	private static final byte[] ENTRIES = ",\"entries\":[".getBytes(StandardCharsets.US_ASCII);

	private final DurableWriteLog log;

	private final Duration maxAwait;

	private final int maxEntries;

	private final long maxBytes;

	LogController(DurableWriteLog log, HollowProducerProperties properties) {
		this.log = log;
		this.maxAwait = properties.hollow().maxAwait();
		this.maxEntries = properties.hollow().log().maxBatchEntries();
		this.maxBytes = properties.hollow().log().maxBatchSize().toBytes();
	}

	@Operation(summary = "Entries after 'after' (at once when any, else a long-poll up to timeoutMs); "
			+ "410 when they were truncated, 400 when 'after' is beyond the head")
	@GetMapping(WriteLog.PATH)
	CompletableFuture<ResponseEntity<byte[]>> read(@RequestParam long after,
			@RequestParam(defaultValue = "30000") long timeoutMs) {
		if (after < WriteLog.NO_OFFSET || timeoutMs < 0) {
			throw new UnknownOffsetException("'after' and 'timeoutMs' must not be negative");
		}
		// validate (400/410) before waiting, so a lost follower learns it at once
		DurableWriteLog.Batch now = this.log.read(after, this.maxEntries, this.maxBytes);
		if (!now.records().isEmpty()) {
			return CompletableFuture.completedFuture(body(now));
		}
		Duration timeout = Duration.ofMillis(Math.min(timeoutMs, this.maxAwait.toMillis()));
		return this.log.awaitAfter(after, timeout)
			.thenApply((appended) -> body(this.log.read(after, this.maxEntries, this.maxBytes)));
	}

	private static ResponseEntity<byte[]> body(DurableWriteLog.Batch batch) {
		int size = 128;
		for (LogRecord record : batch.records()) {
			size += record.json().length + 40;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(size);
		ascii(out, "{\"logId\":\"" + batch.logId() + "\"");
		out.writeBytes(ENTRIES);
		boolean first = true;
		for (LogRecord record : batch.records()) {
			ascii(out, (first ? "" : ",") + "{\"offset\":" + record.offset() + ",\"change\":");
			out.writeBytes(record.json());
			out.write('}');
			first = false;
		}
		ascii(out, "],\"head\":" + batch.head() + ",\"stateOffset\":" + batch.state().offset() + ",\"stateVersion\":"
				+ batch.state().version() + "}");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
	}

	private static void ascii(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

}
