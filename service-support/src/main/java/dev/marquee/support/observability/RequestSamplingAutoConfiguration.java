package dev.marquee.support.observability;

import java.util.List;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Requests a service reads so often that a recorded span each would cost more than
 * serving them: {@code marquee.tracing.unsampled-get-paths} (comma-separated path
 * prefixes; page construction: {@code /pages/}) names the {@code GET} requests whose
 * server span is not sampled when they start a trace ({@link UnsampledRequests}). Their
 * trace ids stay in the logs and in {@code Marquee-Trace-Id}; a caller's sampled
 * {@code traceparent} is still followed. Without the property, Boot's sampler and handler
 * are left as they are.
 */
@AutoConfiguration(after = OpenTelemetryTracingAutoConfiguration.class,
		before = MicrometerTracingAutoConfiguration.class)
@ConditionalOnClass({ Sampler.class, PropagatingReceiverTracingObservationHandler.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = RequestSamplingAutoConfiguration.UNSAMPLED_GET_PATHS)
public class RequestSamplingAutoConfiguration {

	/** The property naming the unsampled GET path prefixes. */
	public static final String UNSAMPLED_GET_PATHS = "marquee.tracing.unsampled-get-paths";

	@Bean
	@ConditionalOnBean({ Tracer.class, Propagator.class })
	@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER)
	PropagatingReceiverTracingObservationHandler<?> propagatingReceiverTracingObservationHandler(Tracer tracer,
			Propagator propagator) {
		return new RequestPathTagging(tracer, propagator);
	}

	@Bean
	@ConditionalOnBean(Sampler.class)
	SdkTracerProviderBuilderCustomizer unsampledRequests(Sampler sampler,
			@Value("${" + UNSAMPLED_GET_PATHS + "}") List<String> prefixes) {
		// Applied after Boot set its sampler, which stays in charge of every other span.
		return (builder) -> builder.setSampler(new UnsampledRequests(sampler, prefixes));
	}

}
