package dev.marquee.ingestion.admin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.ingestion.content.RenderProblem;
import dev.marquee.ingestion.ingest.StoredContent;
import dev.marquee.ingestion.render.Template;
import dev.marquee.ingestion.render.Templates;

/**
 * Operator endpoints (role ADMIN): regenerate every page, its progress, the pages whose
 * re-render failed, and the page templates in force.
 */
@RestController
@RequestMapping("/admin")
class AdminController {

	private final Regeneration regeneration;

	private final StoredContent stored;

	private final Templates templates;

	AdminController(Regeneration regeneration, StoredContent stored, Templates templates) {
		this.regeneration = regeneration;
		this.stored = stored;
		this.templates = templates;
	}

	@PostMapping("/regenerate")
	ResponseEntity<Regeneration.Status> regenerate() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.regeneration.start());
	}

	@GetMapping("/regenerate/status")
	Regeneration.Status regenerateStatus() {
		return this.regeneration.status();
	}

	@GetMapping("/render-problems")
	List<RenderProblem> renderProblems() {
		return this.stored.renderProblems();
	}

	@GetMapping("/templates")
	List<Template> templates() {
		return List.copyOf(this.templates.all().values());
	}

}
