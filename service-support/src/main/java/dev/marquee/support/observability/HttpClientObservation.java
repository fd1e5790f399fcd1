package dev.marquee.support.observability;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes a JDK {@link HttpClient} (the Hollow remote clients' transport, which needs
 * streaming to files and long polls): each call sends the current {@code traceparent} and
 * is timed as {@code http.client.requests}, as the {@code RestClient}s built from Boot's
 * builder are.
 */
public final class HttpClientObservation implements UnaryOperator<HttpClient> {

	// Versions, offsets and ids in paths become {n}, so the uri tag stays
	// low-cardinality.
	private static final Pattern NUMBER = Pattern.compile("/-?\\d+(?=/|$)");

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	HttpClientObservation(MeterRegistry meters, ObservationRegistry observations) {
		this.meters = meters;
		this.observations = observations;
	}

	@Override
	public HttpClient apply(HttpClient client) {
		return MicrometerHttpClient.instrumentationBuilder(client, this.meters)
			.observationRegistry(this.observations)
			.uriMapper(HttpClientObservation::uriTemplate)
			.build();
	}

	static String uriTemplate(HttpRequest request) {
		String path = request.uri().getRawPath();
		return (path == null || path.isEmpty()) ? "/" : NUMBER.matcher(path).replaceAll("/{n}");
	}

}
