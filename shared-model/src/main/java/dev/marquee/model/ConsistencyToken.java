package dev.marquee.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.json.MarqueeJson;

/**
 * Where one accepted write stands on each read path, so that a preview can wait until the
 * path it reads from has caught up with it (read-after-write).
 *
 * <p>
 * Clients treat it as an opaque string ({@link #encode()}, also sent as the
 * {@value MarqueeHeaders#CONSISTENCY_TOKEN} header). A path the write did not go to is
 * absent.
 *
 * @param kafkaOffsets the Kafka partition of each page change written, and the highest
 * offset written to it; the Kafka → Cassandra path has caught up once the applied
 * watermark of each partition reaches its offset
 * @param hollowOffset the hollow-producer's write-log offset of the write (see
 * {@link dev.marquee.model.writelog.WriteLog}); the Hollow path has caught up once an
 * instance has applied the log up to it (through its overlay), or, with the overlay off,
 * once its installed state contains it
 * @param pageVersions the content version written for each page; a read that returns an
 * older version of one of these pages is stale
 */
public record ConsistencyToken(Map<Integer, Long> kafkaOffsets, @Nullable Long hollowOffset,
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
		sorted.put("hollowOffset", this.hollowOffset);
		sorted.put("pageVersions", new TreeMap<>(this.pageVersions));
		return ENCODER.encodeToString(MarqueeJson.mapper().writeValueAsBytes(sorted));
	}

	/**
	 * The token of two writes made one after the other: a reader that has caught up with
	 * it has caught up with both.
	 * @param other the other write's token
	 * @return the highest position of both on every path, and the newest version of every
	 * page
	 */
	public ConsistencyToken merge(ConsistencyToken other) {
		Map<Integer, Long> offsets = new TreeMap<>(this.kafkaOffsets);
		other.kafkaOffsets.forEach((partition, offset) -> offsets.merge(partition, offset, Math::max));
		Map<String, Long> versions = new TreeMap<>(this.pageVersions);
		other.pageVersions.forEach((page, version) -> versions.merge(page, version, Math::max));
		Long hollow = (this.hollowOffset == null) ? other.hollowOffset
				: (other.hollowOffset == null) ? this.hollowOffset : Math.max(this.hollowOffset, other.hollowOffset);
		return new ConsistencyToken(offsets, hollow, versions);
	}

	/**
	 * Reads a token a client sent back.
	 * @param encoded the string from {@link #encode()}
	 * @return the token
	 * @throws InvalidConsistencyTokenException if the string is not a token this class
	 * wrote
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
			throw new InvalidConsistencyTokenException("not a Marquee consistency token: "
					+ new String(encoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).substring(0,
							Math.min(40, encoded.length())));
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
