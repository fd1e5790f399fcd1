package dev.marquee.hollowproducer.write;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.hollowproducer.HollowProducerProperties;
import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;

/**
 * {@code POST /v1/writes}: answered only once the Hollow state that contains the write is published and
 * announced.
 */
@RestController
@Tag(name = "writes", description = "Page changes into the next Hollow state (role SERVICE)")
class WriteController {

	private static final int MAX_CHANGES_PER_REQUEST = 10_000;

	private final WriteBatcher batcher;

	private final Duration timeout;

	WriteController(WriteBatcher batcher, HollowProducerProperties properties) {
		this.batcher = batcher;
		this.timeout = properties.hollow().writeTimeout();
	}

	@Operation(summary = "Write page changes; 200 once announced, with the version that contains them")
	@PostMapping("/v1/writes")
	CompletableFuture<HollowWriteResult> write(@RequestBody HollowWriteRequest request) {
		validate(request.changes());
		return this.batcher.submit(request.changes())
			.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.exceptionally((failure) -> {
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				if (cause instanceof TimeoutException) {
					throw new WriteUnavailableException("no producer cycle announced the write within " + this.timeout);
				}
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new WriteUnavailableException(String.valueOf(cause));
			});
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
