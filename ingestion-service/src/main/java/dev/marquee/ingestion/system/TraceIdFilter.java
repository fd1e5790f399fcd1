package dev.marquee.ingestion.system;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.marquee.model.MarqueeHeaders;

/**
 * Gives every request a trace id (the caller's {@code Marquee-Trace-Id}, or a new one) that goes into the
 * logs through the MDC, into every {@code PageChanged} the request produces, and back in the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdFilter extends OncePerRequestFilter {

	/** The MDC key of the trace id. */
	public static final String MDC_KEY = "traceId";

	// A caller's id goes into logs and events, so accept only a sane token.
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String traceId = acceptable(request.getHeader(MarqueeHeaders.TRACE_ID));
		MDC.put(MDC_KEY, traceId);
		response.setHeader(MarqueeHeaders.TRACE_ID, traceId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	private static String acceptable(@Nullable String header) {
		if (header != null && ACCEPTABLE.matcher(header).matches()) {
			return header;
		}
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * The current request's trace id.
	 * @return the id, or a new one outside a request
	 */
	public static String current() {
		String traceId = MDC.get(MDC_KEY);
		return (traceId != null) ? traceId : UUID.randomUUID().toString().replace("-", "");
	}

}
