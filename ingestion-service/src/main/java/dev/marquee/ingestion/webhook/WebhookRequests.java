package dev.marquee.ingestion.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.ingest.IngestionResult;
import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.model.MarqueeHeaders;
import dev.marquee.model.json.MarqueeJson;

/**
 * What every webhook endpoint does around its own signature scheme: checks the media
 * type, reads the raw body up to the configured limit (so signatures are checked over
 * exactly the bytes received, before any parsing), parses it, and answers.
 */
@Component
public class WebhookRequests {

	// Duplicate keys are refused, not resolved: with "last key wins",
	// {"action":"draft","action":"publish"} would
	// mean one thing to a CMS-side validator that reads the first key and another to us.
	private static final ObjectReader STRICT = MarqueeJson.mapper()
		.reader()
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

	private final long maxBodySize;

	WebhookRequests(IngestionProperties properties) {
		this.maxBodySize = properties.webhooks().maxBodySize().toBytes();
	}

	/**
	 * Reads the raw body of a JSON webhook.
	 * @param request the request
	 * @return its bytes
	 * @throws ProblemException 415 for a body that is not JSON, 413 for one over the
	 * limit
	 */
	public byte[] body(HttpServletRequest request) {
		MediaType type;
		try {
			type = (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (InvalidMediaTypeException ex) {
			type = null;
		}
		boolean json = type != null
				&& ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
		if (!json) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Unsupported media type",
					"Webhooks must be sent as application/json, not " + request.getContentType());
		}
		if (request.getContentLengthLong() > this.maxBodySize) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
			if (body.length > this.maxBodySize) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ProblemException tooLarge() {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"Webhook bodies may be at most " + this.maxBodySize + " bytes");
	}

	public static JsonNode parse(byte[] body) {
		// Jackson decodes overlong sequences ("C0 AF" as '/') instead of refusing them:
		// JSON on the wire must be
		// well-formed UTF-8 (RFC 8259), so check that first.
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
		}
		catch (CharacterCodingException ex) {
			throw WebhookProblems.malformed("The body is not well-formed UTF-8");
		}
		try {
			JsonNode node = STRICT.readTree(body);
			if (node == null || !node.isObject()) {
				throw WebhookProblems.malformed("The body must be a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw WebhookProblems.malformed("The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	public static String sha256Hex(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static ResponseEntity<IngestionResult> answer(IngestionResult result) {
		HttpHeaders headers = new HttpHeaders();
		if (result.consistencyToken() != null) {
			headers.add(MarqueeHeaders.CONSISTENCY_TOKEN, result.consistencyToken());
		}
		return ResponseEntity.ok().headers(headers).body(result);
	}

}
