package dev.marquee.support.observability;

import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Boot's handler for incoming requests, which also gives a server span its method and
 * path when it starts: the span's other tags arrive when it stops, too late for the
 * sampler ({@link UnsampledRequests}) to see them.
 */
class RequestPathTagging extends PropagatingReceiverTracingObservationHandler<ReceiverContext<?>> {

	RequestPathTagging(Tracer tracer, Propagator propagator) {
		super(tracer, propagator);
	}

	@Override
	public Span.Builder customizeExtractedSpan(ReceiverContext<?> context, Span.Builder builder) {
		if (context instanceof ServerRequestObservationContext server) {
			HttpServletRequest request = server.getCarrier();
			builder.tag(UnsampledRequests.METHOD.getKey(), request.getMethod());
			builder.tag(UnsampledRequests.PATH.getKey(), request.getRequestURI());
		}
		return builder;
	}

}
