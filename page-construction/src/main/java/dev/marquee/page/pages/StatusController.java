package dev.marquee.page.pages;

import java.util.EnumMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.ReadPath;
import dev.marquee.page.propagation.PropagationRecorder;
import dev.marquee.page.propagation.PropagationRecorder.PropagationReport;
import dev.marquee.page.readpath.ReadPathSwitch;
import dev.marquee.page.source.PageSources;

/**
 * Public JSON for the dashboard and the benchmark: the active path and each source's
 * state, and propagation latencies per path.
 */
@RestController
@Tag(name = "status", description = "Read-path status and propagation latency (public)")
class StatusController {

	private final ReadPathSwitch readPath;

	private final PageSources sources;

	private final PropagationRecorder propagation;

	StatusController(ReadPathSwitch readPath, PageSources sources, PropagationRecorder propagation) {
		this.readPath = readPath;
		this.sources = sources;
		this.propagation = propagation;
	}

	@GetMapping("/api/status")
	@Operation(summary = "Active read path, Hollow consumer version, near-cache state")
	StatusResponse status() {
		Map<ReadPath, Map<String, Object>> paths = new EnumMap<>(ReadPath.class);
		for (ReadPath path : ReadPath.values()) {
			paths.put(path, this.sources.get(path).status());
		}
		return new StatusResponse(this.readPath.active(), paths);
	}

	@GetMapping("/api/propagation")
	@Operation(summary = "Propagation latency (ingestion accepted → readable) per path, and recent edits",
			description = "Percentiles in milliseconds from an HdrHistogram per path since start; recent edits "
					+ "newest first with the time each became visible on each path.")
	PropagationReport propagation() {
		return this.propagation.report();
	}

	@PostMapping("/admin/propagation/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SecurityRequirement(name = "basic")
	@Operation(
			summary = "Forgets recorded propagation latencies and recent edits (role ADMIN), e.g. before a benchmark")
	void reset() {
		this.propagation.reset();
	}

	/**
	 * @param activeReadPath the path serving public reads
	 * @param paths each source's state
	 */
	record StatusResponse(ReadPath activeReadPath, Map<ReadPath, Map<String, Object>> paths) {
	}

}
