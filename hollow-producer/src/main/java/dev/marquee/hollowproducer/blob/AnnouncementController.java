package dev.marquee.hollowproducer.blob;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.hollowproducer.HollowProducerProperties;

/**
 * The announced version, and a long-poll that answers as soon as a new version is
 * announced.
 */
@RestController
@RequestMapping("/v1/announcements")
@Tag(name = "announcements", description = "Announced Hollow versions (role SERVICE)")
class AnnouncementController {

	private final Announcements announcements;

	private final Duration maxAwait;

	AnnouncementController(Announcements announcements, HollowProducerProperties properties) {
		this.announcements = announcements;
		this.maxAwait = properties.hollow().maxAwait();
	}

	@Operation(summary = "The version last announced (-1 before the first)")
	@GetMapping("/latest")
	AnnouncedVersion latest() {
		return new AnnouncedVersion(this.announcements.latest());
	}

	@Operation(summary = "Long-poll: answers once the announced version differs from 'after', or after timeoutMs")
	@GetMapping("/await")
	CompletableFuture<AnnouncedVersion> await(@RequestParam long after,
			@RequestParam(defaultValue = "30000") long timeoutMs) {
		Duration timeout = Duration.ofMillis(Math.max(0, Math.min(timeoutMs, this.maxAwait.toMillis())));
		return this.announcements.awaitChange(after, timeout).thenApply(AnnouncedVersion::new);
	}

	/**
	 * An announced version.
	 *
	 * @param version the version, or -1 when nothing was announced yet
	 */
	record AnnouncedVersion(long version) {
	}

}
