package dev.marquee.page.pages;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import dev.marquee.model.ReadPath;
import dev.marquee.page.source.SourceUnavailableException;

/**
 * The public page read ({@code GET} and {@code HEAD} of {@code /pages/{slug}}, with an
 * optional {@code readPath}) answered before Spring Security and Spring MVC: the same
 * answer {@link PageController} gives, at a fraction of the CPU.
 * <p>
 * Why a filter: the body is ready bytes ({@link PageBodies}), so the cost of a read was
 * the stack around it (a JFR profile under wrk: Spring MVC ~25% and the security filter
 * chain ~10% of request-thread samples, the page itself ~1.5%). A lighter security chain
 * for these paths would still run the firewall, the header writer and a dozen filters,
 * and DispatcherServlet would still map, bind and convert; this filter does only what the
 * answer needs. It runs inside the HTTP server observation (metrics
 * {@code http.server.requests} with the same {@code uri} tag, the trace id in the logs)
 * and writes the headers Spring Security writes on a public answer itself
 * ({@link #writeSecurityHeaders}). Measured in one process under {@code wrk -t1 -c16} on
 * an 18.7 KB page: ~110-125 µs of process CPU per read here against ~240-300 µs on the
 * Spring MVC route; what is left is the observation (~40% of the request thread), Tomcat
 * (~28%) and this filter (~28%, most of it writing the answer). Trimming Tomcat's
 * connector instead (unlimited keep-alive requests) showed no difference beyond the
 * noise, so it is not set.
 * <p>
 * It answers only what it fully understands and hands everything else to the normal chain
 * unchanged: a slug with characters the firewall or URL decoding would treat specially,
 * any query but {@code readPath=<a read path>}, an {@code Authorization} header (the
 * chain checks credentials even on public paths, and refuses bad ones), a header value
 * the firewall would reject, and any failure other than a missing page or a read path
 * that is down. Those are answered by the chain as before.
 */
final class PublicPageFilter extends HttpFilter {

	/** The route's pattern, as Spring MVC tags {@code http.server.requests} with it. */
	static final String PATTERN = "/pages/{*slug}";

	private static final String PREFIX = "/pages/";

	private static final String NO_CACHE = CacheControl.noCache().getHeaderValue();

	// The headers Spring Security's default HeaderWriterFilter writes on a plain-HTTP
	// answer (HSTS is for HTTPS only). Its cache headers are written only when the answer
	// set none of its own: a page sets Cache-Control, a problem does not.
	static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

	static final String NOSNIFF = "nosniff";

	static final String XSS_PROTECTION = "X-XSS-Protection";

	static final String XSS_PROTECTION_OFF = "0";

	static final String FRAME_OPTIONS = "X-Frame-Options";

	static final String DENY = "DENY";

	static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

	static final String PRAGMA = "Pragma";

	static final String PRAGMA_NO_CACHE = "no-cache";

	static final String EXPIRES = "Expires";

	static final String EXPIRES_NOW = "0";

	// A page is JSON whatever the caller accepts, but a problem is negotiated by Spring
	// MVC: without an Accept header (or with */*) it is application/problem+json, which
	// this filter writes; other Accept headers take the normal route, which negotiates.
	private static final String ANY = MediaType.ALL_VALUE;

	private static final Map<String, ReadPath> QUERIES = Map.of("readPath=" + ReadPath.HOLLOW.name(), ReadPath.HOLLOW,
			"readPath=" + ReadPath.KAFKA_CASSANDRA.name(), ReadPath.KAFKA_CASSANDRA);

	private final PageReader reader;

	private final PageBodies bodies;

	private final PageProblems problems;

	private final ObjectProvider<RequestMappingHandlerAdapter> mvc;

	private volatile @Nullable HttpMessageConverter<Object> problemConverter;

	PublicPageFilter(PageReader reader, PageBodies bodies, PageProblems problems,
			ObjectProvider<RequestMappingHandlerAdapter> mvc) {
		this.reader = reader;
		this.bodies = bodies;
		this.problems = problems;
		this.mvc = mvc;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String slug = slug(request);
		String query = request.getQueryString();
		ReadPath override = (query != null) ? QUERIES.get(query) : null;
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (slug == null || (query != null && override == null) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| !plain(ifNoneMatch) || !plain(acceptEncoding) || (accept != null && !ANY.equals(accept))) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(PublicPageFilter::tagPattern);
		Served served;
		try {
			served = this.reader.published(slug, this.reader.choose(override));
		}
		catch (PageNotFoundException ex) {
			problem(this.problems.notFound(ex), ex, request, response);
			return;
		}
		catch (SourceUnavailableException ex) {
			problem(this.problems.unavailable(ex), ex, request, response);
			return;
		}
		writeSecurityHeaders(response, false);
		// HEAD: Tomcat sends the GET's headers and drops the body, as on the MVC route.
		PageController.respond(served, this.bodies, ifNoneMatch, acceptEncoding, NO_CACHE, response);
	}

	/**
	 * The slug of a request this filter answers, null for any other request. Only plain
	 * slugs (letters, digits, {@code - . _ ~}, single '/' between segments, no dot
	 * segments) are taken: for those the raw URI is what URL decoding, path normalization
	 * and the firewall leave unchanged.
	 */
	static @Nullable String slug(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		String uri = request.getRequestURI();
		int start = request.getContextPath().length() + PREFIX.length();
		if (uri.length() <= start || !uri.startsWith(PREFIX, start - PREFIX.length())) {
			return null;
		}
		int segment = start;
		for (int i = start; i < uri.length(); i++) {
			char c = uri.charAt(i);
			if (c == '/') {
				if (!plainSegment(uri, segment, i)) {
					return null;
				}
				segment = i + 1;
			}
			else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == '~')) {
				return null;
			}
		}
		return plainSegment(uri, segment, uri.length()) ? uri.substring(start) : null;
	}

	private static boolean plainSegment(String uri, int from, int to) {
		int length = to - from;
		return length > 0 && !(length == 1 && uri.charAt(from) == '.')
				&& !(length == 2 && uri.charAt(from) == '.' && uri.charAt(from + 1) == '.');
	}

	/**
	 * Whether a header value is one the firewall lets through (no control characters);
	 * absent is fine.
	 */
	static boolean plain(@Nullable String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				return false;
			}
		}
		return true;
	}

	private static void tagPattern(ServerRequestObservationContext context) {
		context.setPathPattern(PATTERN);
	}

	/**
	 * The headers Spring Security's header writer adds to a public answer, in the one
	 * place they are written outside it.
	 * @param response the answer
	 * @param noCacheHeaders whether the answer sets no cache headers of its own, so
	 * Spring Security's are written
	 */
	static void writeSecurityHeaders(HttpServletResponse response, boolean noCacheHeaders) {
		response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
		response.setHeader(XSS_PROTECTION, XSS_PROTECTION_OFF);
		if (noCacheHeaders) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
			response.setHeader(PRAGMA, PRAGMA_NO_CACHE);
			response.setHeader(EXPIRES, EXPIRES_NOW);
		}
		response.setHeader(FRAME_OPTIONS, DENY);
	}

	/**
	 * A problem written as Spring MVC writes the answer of an exception handler: its
	 * status and headers, {@code instance} set to the request path, the body by the same
	 * message converter.
	 */
	private void problem(ResponseEntity<ProblemDetail> answer, RuntimeException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		// As DispatcherServlet does for an exception a handler resolved.
		request.setAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE, ex);
		ProblemDetail problem = answer.getBody();
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		writeSecurityHeaders(response, true);
		HttpStatusCode status = answer.getStatusCode();
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		output.setStatusCode(status);
		output.getHeaders().putAll(answer.getHeaders());
		MediaType type = answer.getHeaders().getContentType();
		if (type == null) {
			type = MediaType.APPLICATION_PROBLEM_JSON;
			output.getHeaders().setContentType(type);
		}
		problemConverter(type).write(problem, type, output);
		output.flush();
	}

	@SuppressWarnings("unchecked")
	private HttpMessageConverter<Object> problemConverter(MediaType type) {
		HttpMessageConverter<Object> converter = this.problemConverter;
		if (converter == null) {
			List<HttpMessageConverter<?>> converters = this.mvc.getObject().getMessageConverters();
			for (HttpMessageConverter<?> candidate : converters) {
				if (candidate.canWrite(ProblemDetail.class, type)) {
					converter = (HttpMessageConverter<Object>) candidate;
					break;
				}
			}
			if (converter == null) {
				throw new IllegalStateException("No message converter writes " + type + " problems");
			}
			this.problemConverter = converter;
		}
		return converter;
	}

}
