package dev.marquee.page.pages;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
	ResponseEntity<byte[]> page(@PathVariable String slug,
			@Parameter(description = "Read from this path instead of the active one") @RequestParam(
					required = false) @Nullable ReadPath readPath,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
		Served served = this.reader.published(slugOf(slug), this.reader.choose(readPath));
		return respond(served, this.bodies, ifNoneMatch, acceptEncoding, CacheControl.noCache());
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

	static ResponseEntity<byte[]> respond(Served served, PageBodies bodies, @Nullable String ifNoneMatch,
			@Nullable String acceptEncoding, CacheControl cacheControl) {
		// The same content version is the same JSON on both paths, so the version alone
		// is
		// the entity tag; the gzip representation gets its own (RFC 9110 8.8.3), and
		// either
		// one answers If-None-Match with a 304.
		String version = Long.toString(served.page().contentVersion());
		boolean notModified = matches(ifNoneMatch, version);
		// A 304 carries no body, so it never serializes one: a version not in the cache
		// is
		// taken as compressible, as every page but a tiny one is.
		PageBodies.Body body = notModified ? bodies.cached(served) : bodies.of(served);
		boolean compressible = body == null || body.compressible();
		boolean gzip = compressible && acceptsGzip(acceptEncoding);
		String etag = "\"" + version + (gzip ? "-gzip\"" : "\"");
		ResponseEntity.BodyBuilder builder = notModified ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				: ResponseEntity.ok();
		builder.eTag(etag)
			.cacheControl(cacheControl)
			.header(MarqueeHeaders.READ_PATH, served.path().name())
			.header(MarqueeHeaders.CONTENT_VERSION, version)
			.header(MarqueeHeaders.TRACE_ID, served.page().traceId());
		if (compressible) {
			builder.varyBy(HttpHeaders.ACCEPT_ENCODING);
		}
		if (notModified || body == null) {
			return builder.build();
		}
		builder.contentType(MediaType.APPLICATION_JSON);
		if (gzip) {
			return builder.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(body.gzip());
		}
		return builder.body(body.json());
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
