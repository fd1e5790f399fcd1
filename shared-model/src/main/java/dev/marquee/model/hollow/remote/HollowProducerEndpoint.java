package dev.marquee.model.hollow.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the hollow-producer listens and how to call it.
 *
 * @param baseUri the producer's base URI, e.g. {@code http://127.0.0.1:8083}
 * @param username the HTTP Basic user (role SERVICE), normally {@code marquee-service}
 * @param password its password
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long a blob download or a write may take
 * @param clientDecorator wraps each client made for this endpoint, e.g. to observe it
 * (metrics, traceparent)
 */
public record HollowProducerEndpoint(URI baseUri, String username, String password, Duration connectTimeout,
		Duration requestTimeout, UnaryOperator<HttpClient> clientDecorator) {

	/** The service user of the conventions. */
	public static final String SERVICE_USER = "marquee-service";

	/**
	 * The service user's local default password; production sets
	 * {@code MARQUEE_SERVICE_PASSWORD}.
	 */
	public static final String LOCAL_SERVICE_PASSWORD = "marquee-service-local";

	public HollowProducerEndpoint {
		Objects.requireNonNull(baseUri, "baseUri");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		Objects.requireNonNull(clientDecorator, "clientDecorator");
		String text = baseUri.toString();
		if (text.endsWith("/")) {
			baseUri = URI.create(text.substring(0, text.length() - 1));
		}
	}

	/**
	 * An endpoint whose clients are plain JDK clients.
	 * @param baseUri the producer's base URI
	 * @param username the service user
	 * @param password its password
	 * @param connectTimeout how long to wait for a TCP connection
	 * @param requestTimeout how long a blob download or a write may take
	 */
	public HollowProducerEndpoint(URI baseUri, String username, String password, Duration connectTimeout,
			Duration requestTimeout) {
		this(baseUri, username, password, connectTimeout, requestTimeout, UnaryOperator.identity());
	}

	/**
	 * This endpoint with its clients wrapped by a decorator.
	 * @param decorator e.g. an observation that times calls and sends the trace context
	 * @return the endpoint
	 */
	public HollowProducerEndpoint withClientDecorator(UnaryOperator<HttpClient> decorator) {
		return new HollowProducerEndpoint(this.baseUri, this.username, this.password, this.connectTimeout,
				this.requestTimeout, decorator);
	}

	/**
	 * An endpoint with 2 s connect and 60 s request timeouts.
	 * @param baseUri the producer's base URI
	 * @param username the service user
	 * @param password its password
	 * @return the endpoint
	 */
	public static HollowProducerEndpoint of(URI baseUri, String username, String password) {
		return new HollowProducerEndpoint(baseUri, username, password, Duration.ofSeconds(2), Duration.ofSeconds(60));
	}

	URI resolve(String pathAndQuery) {
		return URI.create(this.baseUri + pathAndQuery);
	}

	String authorization() {
		String credentials = this.username + ":" + this.password;
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	HttpClient newClient() {
		return this.clientDecorator.apply(HttpClient.newBuilder()
			.connectTimeout(this.connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build());
	}

	@Override
	public String toString() {
		// never print the password
		return "HollowProducerEndpoint[" + this.baseUri + " as " + this.username + "]";
	}

}
