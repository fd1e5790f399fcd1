package dev.marquee.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.json.MarqueeJson;

/**
 * Where one accepted write stands on each read path, so that a preview can wait until the path it reads
 * from has caught up with it (read-after-write).
 *
 * <p>Clients treat it as an opaque string ({@link #encode()}, also sent as the
 * {@value MarqueeHeaders#CONSISTENCY_TOKEN} header). A path the write did not go to is absent.
 *
 * @param kafkaOffsets the Kafka partition of each page change written, and the highest offset written to it;
 * the Kafka → Cassandra path has caught up once the applied watermark of each partition reaches its offset
 * @param hollowVersion the Hollow state version that contains the write; the Hollow path has caught up once
 * the consumer's current version is at least this
 * @param pageVersions the content version written for each page; a read that returns an older version of
 * one of these pages is stale
 */
public record ConsistencyToken(Map<Integer, Long> kafkaOffsets, @Nullable Long hollowVersion,
		Map<String, Long> pageVersions) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	public ConsistencyToken {
		kafkaOffsets = Map.copyOf(kafkaOffsets);
		pageVersions = Map.copyOf(pageVersions);
	}

	/**
	 * The token as the opaque string handed to clients.
	 * @return base64url of the token's JSON
	 */
	public String encode() {
		Map<String, Object> sorted = new TreeMap<>();
		sorted.put("kafkaOffsets", new TreeMap<>(this.kafkaOffsets));
		sorted.put("hollowVersion", this.hollowVersion);
		sorted.put("pageVersions", new TreeMap<>(this.pageVersions));
		return ENCODER.encodeToString(MarqueeJson.mapper().writeValueAsBytes(sorted));
	}

	/**
	 * Reads a token a client sent back.
	 * @param encoded the string from {@link #encode()}
	 * @return the token
	 * @throws InvalidConsistencyTokenException if the string is not a token this class wrote
	 */
	public static ConsistencyToken decode(String encoded) {
		try {
			byte[] json = Base64.getUrlDecoder().decode(encoded.strip());
			ConsistencyToken token = MarqueeJson.mapper().readValue(json, ConsistencyToken.class);
			if (token.kafkaOffsets() == null || token.pageVersions() == null) {
				throw new InvalidConsistencyTokenException("incomplete token");
			}
			return token;
		}
		catch (InvalidConsistencyTokenException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidConsistencyTokenException(
					"not a Marquee consistency token: " + new String(encoded.getBytes(StandardCharsets.UTF_8),
							StandardCharsets.UTF_8).substring(0, Math.min(40, encoded.length())));
		}
	}

	/**
	 * Thrown when a client sends a string that is not a consistency token.
	 */
	public static final class InvalidConsistencyTokenException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		public InvalidConsistencyTokenException(String message) {
			super(message);
		}

	}

}
