package dev.marquee.support.observability;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsampledRequestsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final Sampler sampler = new UnsampledRequests(Sampler.parentBased(Sampler.alwaysOn()), List.of("/pages/"));

	@Test
	void aPublicPageReadThatStartsATraceIsNotSampled() {
		assertThat(decide(Context.root(), SpanKind.SERVER, "GET", "/pages/home")).isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void otherRequestsAreAskedOfTheConfiguredSampler() {
		assertThat(decide(Context.root(), SpanKind.SERVER, "GET", "/preview/pages/home"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(Context.root(), SpanKind.SERVER, "POST", "/pages/home"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(Context.root(), SpanKind.CLIENT, "GET", "/pages/home"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(Context.root(), SpanKind.SERVER, null, null)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void aCallersTraceContextIsFollowed() {
		assertThat(decide(parent(TraceFlags.getSampled()), SpanKind.SERVER, "GET", "/pages/home"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(parent(TraceFlags.getDefault()), SpanKind.SERVER, "GET", "/pages/home"))
			.isEqualTo(SamplingDecision.DROP);
	}

	private SamplingDecision decide(Context parent, SpanKind kind, String method, String path) {
		Attributes attributes = (method == null) ? Attributes.empty()
				: Attributes.of(UnsampledRequests.METHOD, method, UnsampledRequests.PATH, path);
		return this.sampler.shouldSample(parent, TRACE_ID, "http get", kind, attributes, List.of()).getDecision();
	}

	private static Context parent(TraceFlags flags) {
		SpanContext remote = SpanContext.createFromRemoteParent(TRACE_ID, "00f067aa0ba902b7", flags,
				TraceState.getDefault());
		return Context.root().with(Span.wrap(remote));
	}

}
