package dev.marquee.page.readpath;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.ReadPath;

/**
 * {@code GET/PUT /admin/read-path} (role ADMIN).
 */
@RestController
@Tag(name = "admin", description = "Read-path toggle (role ADMIN)")
@SecurityRequirement(name = "basic")
class ReadPathController {

	private final ReadPathSwitch readPath;

	private final SharedReadPath shared;

	ReadPathController(ReadPathSwitch readPath, SharedReadPath shared) {
		this.readPath = readPath;
		this.shared = shared;
	}

	@GetMapping("/admin/read-path")
	@Operation(summary = "The read path serving public page reads")
	ReadPathBody current() {
		return new ReadPathBody(this.readPath.active());
	}

	@PutMapping("/admin/read-path")
	@Operation(summary = "Switches the read path of every replica for every later request (stored in Cassandra, "
			+ "followed by the other replicas within marquee.read-path.sharing.poll); 503 while Cassandra is down")
	ReadPathBody switchTo(@Valid @RequestBody ReadPathBody body) {
		this.shared.switchTo(body.readPath());
		return new ReadPathBody(this.readPath.active());
	}

	/**
	 * @param readPath {@code HOLLOW} or {@code KAFKA_CASSANDRA}
	 */
	record ReadPathBody(@NotNull ReadPath readPath) {
	}

}
