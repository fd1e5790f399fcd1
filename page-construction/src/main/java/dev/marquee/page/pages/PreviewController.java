package dev.marquee.page.pages;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.ReadPath;

/**
 * Authenticated previews (role EDITOR): the PREVIEW stage, drafts included, with
 * read-after-write when the request carries a consistency token.
 */
@RestController
@Tag(name = "preview", description = "Draft and published content for editors (role EDITOR)")
@SecurityRequirement(name = "basic")
class PreviewController {

	private static final String PRIVATE_NO_STORE = CacheControl.noStore().cachePrivate().getHeaderValue();

	private final PageReader reader;

	private final PageBodies bodies;

	PreviewController(PageReader reader, PageBodies bodies) {
		this.reader = reader;
		this.bodies = bodies;
	}

	@GetMapping("/preview/pages/{*slug}")
	@Operation(summary = "The preview copy of a page",
			description = "With a Marquee-Consistency-Token header (from an ingestion answer) it waits, up to "
					+ "marquee.preview.max-wait, until the read path has caught up with that write, and never "
					+ "answers older content; 503 problem+json names the path that is behind and by how much.")
	@ApiResponse(responseCode = "200", description = "The page",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class)))
	@ApiResponse(responseCode = "400", description = "The token is not a Marquee consistency token",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "The read path did not catch up in time",
			content = @Content(mediaType = "application/problem+json"))
	void preview(@PathVariable String slug,
			@Parameter(description = "Read from this path instead of the active one") @RequestParam(
					required = false) @Nullable ReadPath readPath,
			@RequestHeader(name = MarqueeHeaders.CONSISTENCY_TOKEN, required = false) @Nullable String token,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding,
			HttpServletResponse response) throws IOException {
		Served served = this.reader.preview(PageController.slugOf(slug), this.reader.choose(readPath), token);
		PageController.respond(served, this.bodies, ifNoneMatch, acceptEncoding, PRIVATE_NO_STORE, response);
	}

}
