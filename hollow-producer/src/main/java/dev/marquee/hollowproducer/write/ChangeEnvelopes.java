package dev.marquee.hollowproducer.write;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

/**
 * Reads write request bodies ({@link dev.marquee.model.HollowWriteRequest}) and log
 * entries into {@link ChangeEnvelope}s in one streaming pass, without binding pages to
 * objects: data-binding every page of every request was most of the producer's CPU, and
 * only a cycle's winners need their pages.
 *
 * <p>
 * The pass checks that the body is well-formed JSON throughout, every field of each
 * change's envelope ({@code kind}, {@code pageId}, {@code stage}, {@code slug},
 * {@code previousSlug}, {@code contentVersion}, {@code ingestedAt}, {@code traceId}), an
 * upsert's page, and that the page's {@code pageId}, {@code stage} and
 * {@code contentVersion} match its change's. Each change's bytes are the caller's own,
 * cut from the body, so fields this version does not know are carried to the log and its
 * followers, which tolerate them (see {@link MarqueeJson}).
 *
 * <p>
 * A request's upserts are then bound to the page model once ({@link #readRequest}), and
 * the objects dropped: only what every follower of the log and every cycle can read may
 * be acknowledged, or one bad entry would be a durable write no reader can apply. Log
 * entries read back on start ({@link #readChange}) were checked when they were written.
 */
final class ChangeEnvelopes {

	static final int MAX_CHANGES_PER_REQUEST = 10_000;

	private ChangeEnvelopes() {
	}

	/**
	 * Reads a {@code POST /v1/writes} body.
	 * @param body the UTF-8 JSON body
	 * @return its changes, in order
	 * @throws UnreadableWriteException when it is not JSON or a field is missing or
	 * mistyped
	 * @throws InvalidWriteException when it has no change, too many, or a page that does
	 * not match its change
	 */
	static List<ChangeEnvelope> readRequest(byte[] body) {
		List<ChangeEnvelope> changes = null;
		try (JsonParser parser = MarqueeJson.mapper().createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new UnreadableWriteException("a write request is a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (name.equals("changes")) {
					if (value != JsonToken.START_ARRAY) {
						throw new UnreadableWriteException("'changes' must be an array");
					}
					changes = readChanges(parser, body);
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new UnreadableWriteException("trailing content after the write request");
			}
		}
		catch (JacksonException ex) {
			throw new UnreadableWriteException(ex.getOriginalMessage(), ex);
		}
		if (changes == null) {
			throw new UnreadableWriteException("'changes' is missing");
		}
		if (changes.isEmpty()) {
			throw new InvalidWriteException("a write needs at least one change");
		}
		for (ChangeEnvelope change : changes) {
			if (!change.deleted()) {
				requireReadable(change);
			}
		}
		return changes;
	}

	private static void requireReadable(ChangeEnvelope change) {
		try {
			change.decode();
		}
		catch (RuntimeException ex) {
			String reason = (ex instanceof JacksonException json) ? json.getOriginalMessage() : ex.getMessage();
			throw new UnreadableWriteException("the page of change " + change.key().pageId() + "/"
					+ change.key().stage() + " is not a valid page: " + reason, ex);
		}
	}

	/**
	 * Reads one change, e.g. a log entry replayed on start.
	 * @param json the change's UTF-8 JSON
	 * @return its envelope, holding {@code json} itself
	 * @throws UnreadableWriteException when it is not a valid change
	 * @throws InvalidWriteException when its page does not match it
	 */
	static ChangeEnvelope readChange(byte[] json) {
		try (JsonParser parser = MarqueeJson.mapper().createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new UnreadableWriteException("a change is a JSON object");
			}
			ChangeEnvelope change = readChange(parser, json);
			if (parser.nextToken() != null) {
				throw new UnreadableWriteException("trailing content after the change");
			}
			return change;
		}
		catch (JacksonException ex) {
			throw new UnreadableWriteException(ex.getOriginalMessage(), ex);
		}
	}

	private static List<ChangeEnvelope> readChanges(JsonParser parser, byte[] source) {
		List<ChangeEnvelope> changes = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token != JsonToken.START_OBJECT) {
				throw new UnreadableWriteException("each of 'changes' must be an object");
			}
			if (changes.size() == MAX_CHANGES_PER_REQUEST) {
				throw new InvalidWriteException("at most " + MAX_CHANGES_PER_REQUEST + " changes per write");
			}
			changes.add(readChange(parser, source));
		}
		return changes;
	}

	/**
	 * Reads the change whose {@code START_OBJECT} is the current token, up to its
	 * {@code END_OBJECT}.
	 */
	private static ChangeEnvelope readChange(JsonParser parser, byte[] source) {
		long start = parser.currentTokenLocation().getByteOffset();
		ChangeKind kind = null;
		String pageId = null;
		Stage stage = null;
		String slug = null;
		Long version = null;
		PageHeader page = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "kind" -> kind = enumValue(parser, value, ChangeKind.class, name);
				case "pageId" -> pageId = string(parser, value, name);
				case "stage" -> stage = enumValue(parser, value, Stage.class, name);
				case "slug" -> slug = string(parser, value, name);
				case "previousSlug", "traceId" -> nullableString(parser, value, name);
				case "contentVersion" -> version = number(parser, value, name);
				case "ingestedAt" -> instant(parser, value, name);
				case "page" -> page = (value == JsonToken.VALUE_NULL) ? null : pageHeader(parser, value);
				default -> parser.skipChildren();
			}
		}
		long end = parser.currentTokenLocation().getByteOffset() + 1;
		if (start < 0) {
			throw new UnreadableWriteException("a write request is UTF-8 JSON");
		}
		require(kind, "kind");
		require(pageId, "pageId");
		require(stage, "stage");
		require(slug, "slug");
		require(version, "contentVersion");
		if (kind == ChangeKind.UPSERTED && page == null) {
			throw new UnreadableWriteException("an upsert of page " + pageId + " must carry the page");
		}
		if (page != null
				&& (!page.pageId().equals(pageId) || page.stage() != stage || page.contentVersion() != version)) {
			throw new InvalidWriteException("the page of change " + pageId + "/" + stage
					+ " does not match its page id, stage or content version");
		}
		return new ChangeEnvelope(new PageKey(pageId, stage), kind, version,
				Arrays.copyOfRange(source, (int) start, (int) end));
	}

	/** Reads the page whose {@code START_OBJECT} is the current token: only its key. */
	private static PageHeader pageHeader(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			throw new UnreadableWriteException("'page' must be an object");
		}
		String pageId = null;
		Stage stage = null;
		Long version = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "pageId" -> pageId = string(parser, value, "page.pageId");
				case "stage" -> stage = enumValue(parser, value, Stage.class, "page.stage");
				case "contentVersion" -> version = number(parser, value, "page.contentVersion");
				default -> parser.skipChildren();
			}
		}
		return new PageHeader(require(pageId, "page.pageId"), require(stage, "page.stage"),
				require(version, "page.contentVersion"));
	}

	private static String string(JsonParser parser, JsonToken token, String field) {
		if (token != JsonToken.VALUE_STRING) {
			throw new UnreadableWriteException("'" + field + "' must be a string");
		}
		return parser.getString();
	}

	private static void nullableString(JsonParser parser, JsonToken token, String field) {
		if (token != JsonToken.VALUE_NULL) {
			string(parser, token, field);
		}
	}

	private static <E extends Enum<E>> E enumValue(JsonParser parser, JsonToken token, Class<E> type, String field) {
		String name = string(parser, token, field);
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableWriteException(
					"'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ", not " + name);
		}
	}

	private static long number(JsonParser parser, JsonToken token, String field) {
		if (token != JsonToken.VALUE_NUMBER_INT) {
			throw new UnreadableWriteException("'" + field + "' must be an integer");
		}
		return parser.getLongValue();
	}

	private static void instant(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_NUMBER_INT
				|| token == JsonToken.VALUE_NUMBER_FLOAT) {
			return;
		}
		if (token != JsonToken.VALUE_STRING) {
			throw new UnreadableWriteException("'" + field + "' must be an ISO-8601 instant");
		}
		try {
			Instant.parse(parser.getString());
		}
		catch (DateTimeException ex) {
			throw new UnreadableWriteException("'" + field + "' must be an ISO-8601 instant: " + ex.getMessage());
		}
	}

	private static <T> T require(@Nullable T value, String field) {
		if (value == null) {
			throw new UnreadableWriteException("'" + field + "' is missing or null");
		}
		return value;
	}

	private record PageHeader(String pageId, Stage stage, long contentVersion) {
	}

}
