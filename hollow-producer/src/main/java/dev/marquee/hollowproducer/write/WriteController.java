package dev.marquee.hollowproducer.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;

/**
 * {@code POST /v1/writes}: answered once the write's log entries are forced to disk, with
 * the offset a reader must have applied to see it; a background cycle folds them into a
 * Hollow state later.
 */
@RestController
@Tag(name = "writes", description = "Page changes into the durable write log (role SERVICE)")
class WriteController {

	private static final Logger logger = LoggerFactory.getLogger(WriteController.class);

	private static final int MAX_CHANGES_PER_REQUEST = 10_000;

	private final WriteAppender appender;

	WriteController(WriteAppender appender) {
		this.appender = appender;
	}

	@Operation(summary = "Write page changes; 200 once durable in the write log, with the offset that contains them")
	@PostMapping("/v1/writes")
	CompletableFuture<HollowWriteResult> write(@RequestBody HollowWriteRequest request) {
		validate(request.changes());
		// One line per write, with the caller's trace (ingestion's traceparent) in its
		// [trace-span] prefix.
		logger.info("Writing {} change(s) into the log: {}", request.changes().size(), describe(request.changes()));
		return this.appender.submit(request.changes());
	}

	private static String describe(List<PageChanged> changes) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(changes.size(), 4); i++) {
			PageChanged change = changes.get(i);
			text.append((i > 0) ? ", " : "")
				.append(change.pageId())
				.append(' ')
				.append(change.stage())
				.append(" v")
				.append(change.contentVersion());
		}
		return (changes.size() > 4) ? text.append(", ...").toString() : text.toString();
	}

	private static void validate(List<PageChanged> changes) {
		if (changes.isEmpty()) {
			throw new InvalidWriteException("a write needs at least one change");
		}
		if (changes.size() > MAX_CHANGES_PER_REQUEST) {
			throw new InvalidWriteException("at most " + MAX_CHANGES_PER_REQUEST + " changes per write");
		}
		for (PageChanged change : changes) {
			Page page = change.page();
			if (page == null) {
				continue;
			}
			if (!page.pageId().equals(change.pageId()) || page.stage() != change.stage()
					|| page.contentVersion() != change.contentVersion()) {
				throw new InvalidWriteException("the page of change " + change.pageId() + "/" + change.stage()
						+ " does not match its page id, stage or content version");
			}
		}
	}

}
