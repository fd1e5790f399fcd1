package dev.marquee.support.observability;

import java.util.UUID;

import org.slf4j.MDC;

/**
 * The trace id of the current span, as Micrometer Tracing puts it in the logging context:
 * the id a webhook's {@code traceparent} carried, or the one its server span started. It
 * is what {@code PageChanged.traceId} records, so a page read can be tied back to the
 * trace of the write that produced it.
 */
public final class TraceIds {

	/** The MDC key Micrometer Tracing writes the trace id under. */
	public static final String MDC_KEY = "traceId";

	private TraceIds() {
	}

	/**
	 * The current trace id.
	 * @return 32 hex digits; a new random id outside any span
	 */
	public static String current() {
		String traceId = MDC.get(MDC_KEY);
		return (traceId != null && !traceId.isEmpty()) ? traceId : UUID.randomUUID().toString().replace("-", "");
	}

}
