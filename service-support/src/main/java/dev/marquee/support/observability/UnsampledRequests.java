package dev.marquee.support.observability;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import org.jspecify.annotations.Nullable;

/**
 * A sampler that leaves out the server spans of {@code GET} requests under some path
 * prefixes when no caller's trace context asks for them (a trace is started here), and
 * asks the configured sampler about every other span. Such a span still exists, with a
 * trace id and span id in the logging context and in {@code Marquee-Trace-Id}; it is only
 * not recorded or exported. A caller's {@code traceparent} is followed as before: sampled
 * if the caller sampled it.
 */
final class UnsampledRequests implements Sampler {

	/** The request method, as {@link RequestPathTagging} sets it when a span starts. */
	static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");

	/** The request path, as {@link RequestPathTagging} sets it when a span starts. */
	static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");

	private final Sampler delegate;

	private final List<String> getPathPrefixes;

	UnsampledRequests(Sampler delegate, List<String> getPathPrefixes) {
		this.delegate = delegate;
		this.getPathPrefixes = List.copyOf(getPathPrefixes);
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		if (spanKind == SpanKind.SERVER && !Span.fromContext(parentContext).getSpanContext().isValid()
				&& "GET".equals(attributes.get(METHOD)) && unsampled(attributes.get(PATH))) {
			return SamplingResult.drop();
		}
		return this.delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
	}

	private boolean unsampled(@Nullable String path) {
		if (path == null) {
			return false;
		}
		for (String prefix : this.getPathPrefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String getDescription() {
		return "UnsampledRequests{get=" + this.getPathPrefixes + ", else=" + this.delegate.getDescription() + "}";
	}

}
