package dev.marquee.model.hollow.remote;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.marquee.model.json.MarqueeJson;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.model.writelog.WriteLogBatch;

/**
 * Reads the hollow-producer's write log ({@code GET /v1/log?after=OFFSET&timeoutMs=T}):
 * the durable entries after an offset, at once when there are some, else after a
 * long-poll of up to the timeout.
 */
public final class HollowLogClient {

	private final HollowProducerEndpoint endpoint;

	private final HttpClient client;

	/**
	 * A client.
	 * @param endpoint the producer
	 */
	public HollowLogClient(HollowProducerEndpoint endpoint) {
		this.endpoint = endpoint;
		this.client = endpoint.newClient();
	}

	/**
	 * The entries after an offset.
	 * @param after the highest offset the caller has applied ({@link WriteLog#NO_OFFSET}
	 * for none)
	 * @param timeout how long the producer may hold the call when no entry is there yet
	 * @return the batch, possibly without entries
	 * @throws TruncatedException when the log no longer holds the entries right after
	 * {@code after}
	 * @throws HollowProducerException when the producer is unreachable or answers with
	 * another error
	 */
	public WriteLogBatch read(long after, Duration timeout) {
		String pathAndQuery = WriteLog.PATH + "?after=" + after + "&timeoutMs=" + timeout.toMillis();
		HttpRequest request = HttpRequest.newBuilder(this.endpoint.resolve(pathAndQuery))
			// the producer holds a long-poll up to the timeout; allow the request timeout
			// on top for the answer
			.timeout(timeout.plus(this.endpoint.requestTimeout()))
			.header("Authorization", this.endpoint.authorization())
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			int status = response.statusCode();
			if (status == 200) {
				return MarqueeJson.mapper().readValue(response.body(), WriteLogBatch.class);
			}
			String body = new String(response.body(), StandardCharsets.UTF_8);
			if (status == 410 && body.contains(WriteLog.TRUNCATED_PROBLEM_TYPE)) {
				throw new TruncatedException(after, body);
			}
			throw new HollowProducerException("GET " + pathAndQuery + " answered " + status + ": " + body, status);
		}
		catch (IOException ex) {
			throw new HollowProducerException("GET " + pathAndQuery + " failed: " + ex, 0, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HollowProducerException("interrupted", 0, ex);
		}
	}

	/**
	 * The log no longer keeps the entries after the offset asked for (a Hollow state
	 * holds them now): load the latest state and follow the log from that state's offset.
	 */
	public static final class TruncatedException extends HollowProducerException {

		private static final long serialVersionUID = 1L;

		private final long after;

		TruncatedException(long after, String problem) {
			super("the write log no longer holds the entries after offset " + after + ": " + problem, 410);
			this.after = after;
		}

		/**
		 * The offset asked for.
		 * @return the {@code after} of the call
		 */
		public long after() {
			return this.after;
		}

	}

}
