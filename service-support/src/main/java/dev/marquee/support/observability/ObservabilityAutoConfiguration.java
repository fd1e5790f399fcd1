package dev.marquee.support.observability;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.internal.core.metrics.TaggingMetricIdGenerator;
import com.datastax.oss.driver.internal.metrics.micrometer.MicrometerMetricsFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.AdminClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.cassandra.autoconfigure.CqlSessionBuilderCustomizer;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What every service shares for tracing, metrics and health, beside the property defaults
 * of {@link ObservabilityDefaults}: the {@code Marquee-Trace-Id} response header, an
 * observed JDK HTTP client, the Cassandra driver's metrics in Micrometer and a Kafka
 * broker health indicator, each where its library is present.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
public class ObservabilityAutoConfiguration {

	// Inside Boot's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), so the server
	// span is current.
	static final int TRACE_HEADER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(Tracer.class)
	FilterRegistrationBean<TraceIdResponseHeaderFilter> traceIdResponseHeaderFilter(Tracer tracer) {
		FilterRegistrationBean<TraceIdResponseHeaderFilter> registration = new FilterRegistrationBean<>(
				new TraceIdResponseHeaderFilter(tracer));
		registration.setOrder(TRACE_HEADER_ORDER);
		return registration;
	}

	/**
	 * Spring Security without observations, unless
	 * {@code management.observations.enable.spring.security} is set to true. The property
	 * alone (ObservabilityDefaults) turns each security observation into a no-op, but
	 * Spring Security would still wrap every filter of the chain to make one; without
	 * observation settings it does not decorate the chain at all.
	 * @return settings that observe no request, authentication or authorization
	 */
	@Bean
	@ConditionalOnClass(SecurityObservationSettings.class)
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "management.observations.enable.spring.security", havingValue = false)
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnBean({ MeterRegistry.class, ObservationRegistry.class })
	HttpClientObservation httpClientObservation(MeterRegistry meters, ObservationRegistry observations) {
		return new HttpClientObservation(meters, observations);
	}

	/**
	 * The driver's session and node metrics as Micrometer meters named
	 * {@code cassandra.session.*} and {@code cassandra.nodes.*} (tags session and node).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MicrometerMetricsFactory.class, CqlSessionBuilderCustomizer.class })
	static class CassandraDriverMetrics {

		@Bean
		DriverConfigLoaderBuilderCustomizer cassandraDriverMetricsConfig() {
			return (builder) -> builder
				.withString(DefaultDriverOption.METRICS_FACTORY_CLASS, MicrometerMetricsFactory.class.getSimpleName())
				.withString(DefaultDriverOption.METRICS_ID_GENERATOR_CLASS,
						TaggingMetricIdGenerator.class.getSimpleName())
				.withString(DefaultDriverOption.METRICS_ID_GENERATOR_PREFIX, "cassandra")
				.withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED,
						java.util.List.of("connected-nodes", "cql-requests", "cql-client-timeouts", "bytes-sent",
								"bytes-received", "throttling.delay"))
				.withStringList(DefaultDriverOption.METRICS_NODE_ENABLED,
						java.util.List.of("pool.open-connections", "pool.in-flight", "errors.connection.init",
								"errors.request.unavailables", "errors.request.write-timeouts",
								"errors.request.read-timeouts", "retries.total"));
		}

		@Bean
		CqlSessionBuilderCustomizer cassandraDriverMetricsRegistry(ObjectProvider<MeterRegistry> meters) {
			return (builder) -> meters.ifAvailable(builder::withMetricRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AdminClient.class, KafkaAdmin.class })
	static class KafkaHealth {

		@Bean
		@ConditionalOnBean(KafkaAdmin.class)
		@ConditionalOnEnabledHealthIndicator("kafka")
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
			return new KafkaHealthIndicator(admin, java.time.Duration.ofSeconds(2));
		}

	}

}
