package dev.marquee.page.pages;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.ReadPath;
import dev.marquee.page.source.PageSummary;

/**
 * Public page reads: published content only. Parameter constraints are checked by Spring
 * MVC's own method validation (no {@code @Validated} proxy), so a violation is a 400
 * problem rather than an unhandled exception.
 */
@RestController
@Tag(name = "pages", description = "Published pages (public)")
class PageController {

	private static final String NO_CACHE = CacheControl.noCache().getHeaderValue();

	private final PageReader reader;

	private final PageBodies bodies;

	PageController(PageReader reader, PageBodies bodies) {
		this.reader = reader;
		this.bodies = bodies;
	}

	// Slugs may contain '/' (e.g. articles/story-01), so the slug is the rest of the
	// path.
	@GetMapping("/pages/{*slug}")
	@Operation(summary = "A published page as server-driven-UI JSON, from the active read path",
			description = "Headers: Marquee-Read-Path (the path used), Marquee-Content-Version, ETag; "
					+ "If-None-Match answers 304 when the version is unchanged.")
	@ApiResponse(responseCode = "200", description = "The page",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageResponse.class),
					examples = @ExampleObject(name = "title hub", value = PageResponse.EXAMPLE)))
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag sent")
	@ApiResponse(responseCode = "404", description = "No published page with this slug",
			content = @Content(mediaType = "application/problem+json"))
	void page(@PathVariable String slug,
			@Parameter(description = "Read from this path instead of the active one") @RequestParam(
					required = false) @Nullable ReadPath readPath,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding,
			HttpServletResponse response) throws IOException {
		Served served = this.reader.published(slugOf(slug), this.reader.choose(readPath));
		respond(served, this.bodies, ifNoneMatch, acceptEncoding, NO_CACHE, response);
	}

	@GetMapping("/pages")
	@Operation(summary = "Published pages, by slug, a page of results at a time")
	PageListResponse pages(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size,
			@RequestParam(required = false) @Nullable ReadPath readPath) {
		List<PageSummary> all = this.reader.list(this.reader.choose(readPath));
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageListResponse(all.subList(from, to), page, size, all.size());
	}

	/**
	 * The slug from a {@code {*slug}} path variable, which starts with the '/' that
	 * separates it.
	 */
	static String slugOf(String captured) {
		return captured.startsWith("/") ? captured.substring(1) : captured;
	}

	/**
	 * Writes a page answer straight to the servlet response. The bytes are ready
	 * ({@link PageBodies}), so a {@code ResponseEntity} would only cost: its headers are
	 * copied map to map, the 304 check runs again, and content negotiation picks the
	 * converter for a body whose type is already known. Everything around the handler
	 * stays: the security chain, the HTTP server observation (its metrics and trace), and
	 * the exception handlers, since a missing page still throws before anything is
	 * written.
	 */
	static void respond(Served served, PageBodies bodies, @Nullable String ifNoneMatch, @Nullable String acceptEncoding,
			String cacheControl, HttpServletResponse response) throws IOException {
		// The same content version is the same JSON on both paths, so the version alone
		// is the entity tag; the gzip representation gets its own (RFC 9110 8.8.3), and
		// either one answers If-None-Match with a 304.
		String version = Long.toString(served.page().contentVersion());
		boolean notModified = matches(ifNoneMatch, version);
		// A 304 carries no body, so it never serializes one: a version not in the cache
		// is taken as compressible, as every page but a tiny one is.
		PageBodies.Body body = notModified ? bodies.cached(served) : bodies.of(served);
		boolean compressible = body == null || body.compressible();
		boolean gzip = compressible && acceptsGzip(acceptEncoding);
		response.setStatus(notModified ? HttpServletResponse.SC_NOT_MODIFIED : HttpServletResponse.SC_OK);
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader(MarqueeHeaders.READ_PATH, served.path().name());
		response.setHeader(MarqueeHeaders.CONTENT_VERSION, version);
		response.setHeader(MarqueeHeaders.TRACE_ID, served.page().traceId());
		if (compressible) {
			response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		response.setHeader(HttpHeaders.ETAG, "\"" + version + (gzip ? "-gzip\"" : "\""));
		if (notModified || body == null) {
			return;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] bytes;
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			bytes = body.gzip();
		}
		else {
			bytes = body.json();
		}
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/**
	 * If-None-Match with the weak comparison RFC 9110 prescribes, against both
	 * representations of a version.
	 */
	static boolean matches(@Nullable String ifNoneMatch, String version) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String tag : ifNoneMatch.split(",")) {
			String candidate = tag.strip();
			if (candidate.equals("*")) {
				return true;
			}
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals("\"" + version + "\"") || candidate.equals("\"" + version + "-gzip\"")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an Accept-Encoding header admits gzip (named or {@code *}, with a q-value
	 * above zero).
	 */
	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			if (!name.equalsIgnoreCase("gzip") && !name.equals("*")) {
				continue;
			}
			boolean refused = false;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].strip();
				if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
					try {
						refused = Double.parseDouble(parameter.substring(2).strip()) <= 0;
					}
					catch (NumberFormatException ex) {
						refused = true;
					}
				}
			}
			if (!refused) {
				return true;
			}
		}
		return false;
	}

}
