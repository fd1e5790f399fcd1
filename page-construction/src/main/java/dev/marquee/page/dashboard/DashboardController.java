package dev.marquee.page.dashboard;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.page.PageConstructionProperties;
import dev.marquee.support.security.MarqueeSecurityProperties;

/**
 * The dashboard's own endpoints: its settings (with the local default credentials as
 * login hints, never in profile {@code prod}), who the entered credentials belong to, and
 * the demo edit.
 */
@RestController
@Tag(name = "dashboard", description = "The live comparison dashboard at / and its demo edit")
class DashboardController {

	private final DemoEdits demoEdits;

	private final PageConstructionProperties properties;

	private final Environment environment;

	DashboardController(DemoEdits demoEdits, PageConstructionProperties properties, Environment environment) {
		this.demoEdits = demoEdits;
		this.properties = properties;
		this.environment = environment;
	}

	@GetMapping("/api/dashboard")
	@Operation(summary = "Dashboard settings: where demo edits go, and local default logins as hints",
			description = "localDefaults lists only users whose password is still the documented local default, "
					+ "and is always empty in profile prod.")
	DashboardSettings settings() {
		Map<String, String> hints = new LinkedHashMap<>();
		boolean prod = Arrays.asList(this.environment.getActiveProfiles()).contains("prod");
		if (!prod) {
			if (MarqueeSecurityProperties.LOCAL_ADMIN_PASSWORD.equals(this.properties.security().adminPassword())) {
				hints.put("admin", MarqueeSecurityProperties.LOCAL_ADMIN_PASSWORD);
			}
			if (MarqueeSecurityProperties.LOCAL_EDITOR_PASSWORD.equals(this.properties.security().editorPassword())) {
				hints.put("editor", MarqueeSecurityProperties.LOCAL_EDITOR_PASSWORD);
			}
		}
		return new DashboardSettings(this.demoEdits.webhook(), hints);
	}

	@GetMapping("/api/dashboard/session")
	@Operation(summary = "Checks HTTP Basic credentials and names the user's roles")
	@SecurityRequirement(name = "basic")
	DashboardSession session(Authentication authentication) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			// Spring Security also grants factor authorities (e.g. FACTOR_PASSWORD); the
			// dashboard wants roles.
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.sorted()
			.toList();
		return new DashboardSession(authentication.getName(), roles);
	}

	@PostMapping("/api/demo-edit")
	@Operation(summary = "Publishes a demo edit through ingestion's signed webhook (role EDITOR)",
			description = "Changes the hero heading of a published page and posts the page document to ingestion's "
					+ "POST /webhooks/marquee, signed like a CMS would; answers with ingestion's answer and its "
					+ "consistency token (also in the Marquee-Consistency-Token header).")
	@SecurityRequirement(name = "basic")
	@ApiResponse(responseCode = "200", description = "Ingestion accepted the edit")
	@ApiResponse(responseCode = "404", description = "No such published page (or none with a HERO element)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "502", description = "Ingestion refused the edit (its answer is included)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "Ingestion is unreachable or one of its write paths is down",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<DemoEditResult> demoEdit(@Parameter(
			description = "The page to edit; default: the first published page with a HERO element") @RequestParam(
					required = false) @Nullable String slug) {
		DemoEditResult result = this.demoEdits.publish(slug);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (result.consistencyToken() != null) {
			answer.header(MarqueeHeaders.CONSISTENCY_TOKEN, result.consistencyToken());
		}
		return answer.body(result);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> failed(DemoEditException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(URI.create("https://marquee.dev/problems/" + ex.type()));
		problem.setTitle(ex.title());
		if (ex.ingestionStatus() != null) {
			problem.setProperty("ingestionStatus", ex.ingestionStatus());
			problem.setProperty("ingestion", ex.ingestionAnswer());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex.status().value() == 503) {
			answer.header("Retry-After", "5");
		}
		return answer.body(problem);
	}

	/**
	 * @param demoWebhook where demo edits are posted
	 * @param localDefaults user → password for users still on their local default (login
	 * hints)
	 */
	record DashboardSettings(URI demoWebhook, Map<String, String> localDefaults) {
	}

	/**
	 * @param user the authenticated user
	 * @param roles its roles, e.g. {@code ADMIN}, {@code EDITOR}
	 */
	record DashboardSession(String user, List<String> roles) {
	}

}
