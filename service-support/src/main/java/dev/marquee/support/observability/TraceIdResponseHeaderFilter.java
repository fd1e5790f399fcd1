package dev.marquee.support.observability;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with {@code Marquee-Trace-Id}: the W3C trace id of its server
 * span, for the people who used the header before traces were W3C. Runs inside Boot's
 * server observation filter, so the span exists.
 */
class TraceIdResponseHeaderFilter extends OncePerRequestFilter {

	/** Equal to {@code MarqueeHeaders.TRACE_ID}. */
	static final String HEADER = "Marquee-Trace-Id";

	private final Tracer tracer;

	TraceIdResponseHeaderFilter(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			response.setHeader(HEADER, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
