package dev.marquee.support.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The observability settings every service shares, as the environment's last
 * (lowest-precedence) property source: a service's {@code application.yml} only adds what
 * is its own (its readiness group), and any setting can still be overridden. See the
 * README's "Operating Marquee".
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source. */
	public static final String NAME = "marqueeObservabilityDefaults";

	/**
	 * Where spans go, e.g. {@code http://127.0.0.1:4318/v1/traces}; unset, no span leaves
	 * the process.
	 */
	public static final String OTLP_ENDPOINT = "MARQUEE_OTLP_ENDPOINT";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults(environment)));
	}

	static Map<String, Object> defaults(ConfigurableEnvironment environment) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// Tracing: every request is sampled (a local platform; lower it in production),
		// W3C in and out.
		defaults.put("management.tracing.sampling.probability", "1.0");
		String otlp = environment.getProperty(OTLP_ENDPOINT);
		// Boot's exporter is created whenever the endpoint property exists, even empty:
		// set it only when given.
		defaults.put("management.tracing.export.otlp.enabled", Boolean.toString(StringUtils.hasText(otlp)));
		if (StringUtils.hasText(otlp)) {
			defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", otlp);
		}
		// Trace context in Kafka record headers, written by the template and restored by
		// the listener.
		defaults.put("spring.kafka.template.observation-enabled", "true");
		defaults.put("spring.kafka.listener.observation-enabled", "true");
		// Spring Security observes every filter of every chain, each a span, a timer and
		// a
		// long-task timer: over a third of a public page read's CPU. The HTTP server
		// observation (its metrics and trace ids) covers the request; a 401/403 shows in
		// its
		// status tag. See also
		// ObservabilityAutoConfiguration#securityObservationSettings.
		defaults.put("management.observations.enable.spring.security", "false");
		// Metrics are scraped (GET /actuator/prometheus). The OTLP registry that comes
		// with
		// the OpenTelemetry starter would push every minute to 127.0.0.1:4318, where no
		// collector listens, and doubles the cost of every meter update in between.
		defaults.put("management.otlp.metrics.export.enabled", "false");
		// Metrics: one tag telling the services apart in one Prometheus.
		defaults.put("management.metrics.tags.application", "${spring.application.name}");
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
		// Health: anonymous callers get the status only; an authenticated ADMIN gets
		// components and details.
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		defaults.put("management.endpoint.health.show-components", "when-authorized");
		defaults.put("management.endpoint.health.roles", "ADMIN");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		return defaults;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
