package dev.marquee.hollowproducer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.HollowWriteResult;
import dev.marquee.model.hollow.remote.HollowProducerEndpoint;
import dev.marquee.model.hollow.remote.HollowProducerException;
import dev.marquee.model.json.MarqueeJson;

/**
 * Calls the hollow-producer's {@code POST /v1/writes}, which answers once the write's
 * changes are durable in its write log (before any Hollow cycle folds them into a state):
 * the producer's tests' client, a test fixture (ingestion writes through its own
 * publisher).
 */
final class HollowWriteClient {

	private final HollowProducerEndpoint endpoint;

	private final HttpClient client;

	/**
	 * A client.
	 * @param endpoint the producer
	 */
	HollowWriteClient(HollowProducerEndpoint endpoint) {
		this.endpoint = endpoint;
		this.client = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Writes a batch of changes.
	 * @param request the changes
	 * @return the log offset a reader must have applied to see them, and how many were
	 * applied or ignored
	 * @throws HollowProducerException when the producer is unreachable or refuses the
	 * write (not durable)
	 */
	HollowWriteResult write(HollowWriteRequest request) {
		HttpRequest http = HttpRequest.newBuilder(URI.create(this.endpoint.baseUri() + "/v1/writes"))
			.timeout(this.endpoint.requestTimeout())
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((this.endpoint.username() + ":" + this.endpoint.password())
							.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(MarqueeJson.mapper().writeValueAsBytes(request)))
			.build();
		try {
			HttpResponse<byte[]> response = this.client.send(http, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new HollowProducerException("POST /v1/writes answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8), response.statusCode());
			}
			return MarqueeJson.mapper().readValue(response.body(), HollowWriteResult.class);
		}
		catch (IOException ex) {
			throw new HollowProducerException("POST /v1/writes failed: " + ex, 0, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HollowProducerException("interrupted", 0, ex);
		}
	}

}
