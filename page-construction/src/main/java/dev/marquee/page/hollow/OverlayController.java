package dev.marquee.page.hollow;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /admin/hollow/overlay} (role ADMIN): switches the in-flight overlay at
 * runtime, so one platform can be measured with and without it. Not persisted: a restart
 * applies {@code marquee.hollow.overlay.enabled}.
 */
@RestController
@Tag(name = "admin", description = "Read-path toggle (role ADMIN)")
@SecurityRequirement(name = "basic")
class OverlayController {

	private final HollowPageSource source;

	OverlayController(HollowPageSource source) {
		this.source = source;
	}

	@GetMapping("/admin/hollow/overlay")
	@Operation(summary = "Whether Hollow reads and token waits see the write log's in-flight entries")
	OverlayBody current() {
		return body();
	}

	@PutMapping("/admin/hollow/overlay")
	@Operation(summary = "Switches the Hollow overlay on or off for every later read (off = installed states only)",
			description = "409 problem+json overlay-unavailable when turning it on without a write log "
					+ "(filesystem blob store).")
	OverlayBody switchTo(@Valid @RequestBody OverlaySwitch body) {
		this.source.overlayEnabled(body.enabled());
		return body();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(IllegalStateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(URI.create("https://marquee.dev/problems/overlay-unavailable"));
		problem.setTitle("No write log to overlay");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	private OverlayBody body() {
		return new OverlayBody(this.source.overlayEnabled(), this.source.overlayAvailable(), this.source.overlaySize(),
				this.source.appliedOffset(), this.source.stateOffset());
	}

	/**
	 * @param enabled {@code true} or {@code false}
	 */
	record OverlaySwitch(@NotNull Boolean enabled) {
	}

	/**
	 * @param enabled whether reads see the overlay
	 * @param available whether a write log is followed at all (a producer URL is set)
	 * @param entries page stages in the overlay
	 * @param appliedOffset the highest log offset applied (overlay or installed state)
	 * @param stateOffset the log offset contained in the installed Hollow state
	 */
	record OverlayBody(boolean enabled, boolean available, int entries, long appliedOffset, long stateOffset) {
	}

}
