package dev.marquee.consumer.replay;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.consumer.projection.AppliedWatermarks;
import dev.marquee.model.Topics;

/**
 * Admin API (role ADMIN): rebuild the read tables, re-drive dead letters, inspect applied
 * watermarks.
 */
@RestController
@RequestMapping("/admin")
@SecurityRequirement(name = "basic")
class AdminController {

	private final TableRebuild rebuild;

	private final DeadLetterRedrive redrive;

	private final AppliedWatermarks watermarks;

	AdminController(TableRebuild rebuild, DeadLetterRedrive redrive, AppliedWatermarks watermarks) {
		this.rebuild = rebuild;
		this.redrive = redrive;
		this.watermarks = watermarks;
	}

	@Operation(summary = "Rebuild the read tables from the page-change topic",
			description = "Replays the topic from its earliest offsets in the background while the service keeps "
					+ "consuming and serving. truncate=true empties the content tables first.")
	@PostMapping("/rebuild")
	ResponseEntity<RebuildStatus> startRebuild(@RequestParam(defaultValue = "false") boolean truncate) {
		RebuildStatus started = this.rebuild.start(truncate);
		return ResponseEntity.accepted().location(URI.create("/admin/rebuild/status")).body(started);
	}

	@Operation(summary = "Progress of the current or last rebuild")
	@GetMapping("/rebuild/status")
	RebuildStatus rebuildStatus() {
		return this.rebuild.status();
	}

	@Operation(summary = "Publish every dead letter not re-driven before back onto the page-change topic")
	@PostMapping("/dlt/redrive")
	RedriveResult redrive() {
		return this.redrive.redrive();
	}

	@Operation(summary = "Highest offset applied per partition of the page-change topic")
	@GetMapping("/watermarks")
	Map<Integer, Long> watermarks() {
		return this.watermarks.of(Topics.PAGE_CHANGES);
	}

	@ExceptionHandler
	ProblemDetail rebuildRunning(RebuildAlreadyRunningException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(URI.create("https://marquee.dev/problems/rebuild-running"));
		problem.setTitle("Rebuild already running");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> redriveFailed(DeadLetterRedrive.DeadLetterRedriveFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(URI.create("https://marquee.dev/problems/kafka-unavailable"));
		problem.setTitle("Kafka unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
	}

}
