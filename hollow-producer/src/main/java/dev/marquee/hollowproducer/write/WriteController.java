package dev.marquee.hollowproducer.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;

/**
 * {@code POST /v1/writes}: answered once the write's log entries are forced to disk, with
 * the offset a reader must have applied to see it; a background cycle folds them into a
 * Hollow state later. The body is read as bytes and cut into its changes by
 * {@link ChangeEnvelopes}, not bound to pages.
 */
@RestController
@Tag(name = "writes", description = "Page changes into the durable write log (role SERVICE)")
class WriteController {

	private static final Logger logger = LoggerFactory.getLogger(WriteController.class);

	private final WriteAppender appender;

	WriteController(WriteAppender appender) {
		this.appender = appender;
	}

	@Operation(summary = "Write page changes; 200 once durable in the write log, with the offset that contains them")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HollowWriteRequest.class)))
	// JSON only, as when the body was bound to a HollowWriteRequest (415 otherwise)
	@PostMapping(path = "/v1/writes", consumes = MediaType.APPLICATION_JSON_VALUE)
	CompletableFuture<HollowWriteResult> write(@RequestBody byte[] body) {
		List<ChangeEnvelope> changes = ChangeEnvelopes.readRequest(body);
		// One line per write, with the caller's trace (ingestion's traceparent) in its
		// [trace-span] prefix.
		if (logger.isInfoEnabled()) {
			logger.info("Writing {} change(s) into the log: {}", changes.size(), describe(changes));
		}
		return this.appender.submit(changes);
	}

	private static String describe(List<ChangeEnvelope> changes) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(changes.size(), 4); i++) {
			ChangeEnvelope change = changes.get(i);
			text.append((i > 0) ? ", " : "")
				.append(change.key().pageId())
				.append(' ')
				.append(change.key().stage())
				.append(" v")
				.append(change.contentVersion());
		}
		return (changes.size() > 4) ? text.append(", ...").toString() : text.toString();
	}

}
