package dev.marquee.hollowproducer.write;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.marquee.hollowproducer.Pages;
import dev.marquee.model.HollowWriteRequest;
import dev.marquee.model.PageChanged;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading write requests into envelopes without binding pages: what is taken, what is
 * refused, and the bytes kept for the log.
 */
class ChangeEnvelopesTests {

	private static final Instant INGESTED = Instant.parse("2026-01-02T03:04:05.123456Z");

	@Test
	void readsTheEnvelopeOfAnUpsertAndADeleteAndKeepsEachChangesOwnBytes() {
		PageChanged upsert = Pages.upsert("a", 7, "A7");
		PageChanged delete = PageChanged.deleted("b", Stage.PREVIEW, "slug-b", 9, INGESTED, "trace-b");
		byte[] body = MarqueeJson.mapper().writeValueAsBytes(new HollowWriteRequest(List.of(upsert, delete)));

		List<ChangeEnvelope> changes = ChangeEnvelopes.readRequest(body);

		assertThat(changes).extracting(ChangeEnvelope::key)
			.containsExactly(new PageKey("a", Stage.PUBLISHED), new PageKey("b", Stage.PREVIEW));
		assertThat(changes).extracting(ChangeEnvelope::kind).containsExactly(ChangeKind.UPSERTED, ChangeKind.DELETED);
		assertThat(changes).extracting(ChangeEnvelope::contentVersion).containsExactly(7L, 9L);
		// the one serialised copy: what a follower of the log parses back
		assertThat(changes.get(0).json()).isEqualTo(MarqueeJson.write(upsert));
		assertThat(changes.get(1).json()).isEqualTo(MarqueeJson.write(delete));
		assertThat(changes).extracting(ChangeEnvelope::decode).containsExactly(upsert, delete);
	}

	@Test
	void aDeleteNeedsNoPageAndAnExplicitNullPageIsNone() {
		String delete = change("DELETED", "b", "PUBLISHED", "3", null);
		List<ChangeEnvelope> changes = ChangeEnvelopes
			.readRequest(request(delete, delete.replace("}", ",\"page\":null}")));
		assertThat(changes).extracting(ChangeEnvelope::deleted).containsExactly(true, true);
		assertThat(changes.get(1).decode().page()).isNull();
	}

	@Test
	void theBytesOfAChangeAreTheCallersOwnWhitespaceAndEscapesIncluded() {
		String change = "{ \"kind\" : \"DELETED\",\n\t\"pageId\":\"caf\\u00e9\", \"stage\":\"PUBLISHED\", "
				+ "\"slug\":\"s\", \"contentVersion\" : 4 }";
		ChangeEnvelope read = ChangeEnvelopes
			.readRequest(("{ \"changes\" : [ " + change + " ] }").getBytes(StandardCharsets.UTF_8))
			.get(0);
		assertThat(new String(read.json(), StandardCharsets.UTF_8)).isEqualTo(change);
		assertThat(read.key().pageId()).isEqualTo("café");
		assertThat(read.decode().pageId()).isEqualTo("café");
	}

	@Test
	void unknownFieldsAreCarriedToTheLogAndStillParseAsAPageChanged() {
		PageChanged upsert = Pages.upsert("a", 7, "A7");
		ObjectNode json = MarqueeJson.mapper().valueToTree(upsert);
		json.put("addedByANewerIngestion", "x");
		((ObjectNode) json.get("page")).putObject("newPageField").put("n", 1);
		byte[] body = ("{\"requestId\":\"r-1\",\"changes\":[" + json + "],\"extra\":[1,{\"changes\":[]}]}")
			.getBytes(StandardCharsets.UTF_8);

		ChangeEnvelope read = ChangeEnvelopes.readRequest(body).get(0);

		assertThat(new String(read.json(), StandardCharsets.UTF_8)).contains("addedByANewerIngestion", "newPageField");
		assertThat(MarqueeJson.readPageChanged(read.json())).isEqualTo(upsert);
		assertThat(ChangeEnvelopes.readChange(read.json()).key()).isEqualTo(read.key());
	}

	@Test
	void aPageWhoseElementsAreNotThePageModelIsUnreadableSoNoFollowerMeetsIt() {
		ObjectNode json = MarqueeJson.mapper().valueToTree(Pages.upsert("a", 7, "A7"));
		((ObjectNode) json.get("page")).put("elements", "not a list");
		assertUnreadable(("{\"changes\":[" + json + "]}").getBytes(StandardCharsets.UTF_8),
				"the page of change a/PUBLISHED is not a valid page");
		ObjectNode element = MarqueeJson.mapper().valueToTree(Pages.upsert("a", 7, "A7"));
		((ObjectNode) element.get("page").get("elements").get(0)).put("type", "NO_SUCH_TYPE");
		assertUnreadable(("{\"changes\":[" + element + "]}").getBytes(StandardCharsets.UTF_8), "is not a valid page");
	}

	@Test
	void aPageThatDoesNotMatchItsChangeIsAnInvalidWrite() {
		String page = "{\"pageId\":\"a\",\"stage\":\"PUBLISHED\",\"contentVersion\":5,\"elements\":[]}";
		assertThatExceptionOfType(InvalidWriteException.class)
			.isThrownBy(() -> ChangeEnvelopes.readRequest(request(change("UPSERTED", "other", "PUBLISHED", "5", page))))
			.withMessageContaining("does not match");
		assertThatExceptionOfType(InvalidWriteException.class)
			.isThrownBy(() -> ChangeEnvelopes.readRequest(request(change("UPSERTED", "a", "PREVIEW", "5", page))));
		assertThatExceptionOfType(InvalidWriteException.class)
			.isThrownBy(() -> ChangeEnvelopes.readRequest(request(change("DELETED", "a", "PUBLISHED", "6", page))));
		String valid = MarqueeJson.mapper().writeValueAsString(Pages.page("a", 5, "A5"));
		assertThat(ChangeEnvelopes.readRequest(request(change("UPSERTED", "a", "PUBLISHED", "5", valid)))).hasSize(1);
	}

	@Test
	void aMissingOrMistypedFieldIsUnreadable() {
		String page = "{\"pageId\":\"a\",\"stage\":\"PUBLISHED\",\"contentVersion\":5}";
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", null, page)), "'contentVersion' is missing");
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", "\"5\"", page)), "must be an integer");
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", "5.5", page)), "must be an integer");
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", "99999999999999999999", page)), "");
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", "5", null)), "must carry the page");
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", "5", "[]")), "'page' must be an object");
		assertUnreadable(
				request(change("UPSERTED", "a", "PUBLISHED", "5", "{\"pageId\":\"a\",\"stage\":\"PUBLISHED\"}")),
				"'page.contentVersion' is missing");
		assertUnreadable(request(change("MOVED", "a", "PUBLISHED", "5", page)), "'kind' must be one of");
		assertUnreadable(request(change("UPSERTED", "a", "DRAFT", "5", page)), "'stage' must be one of");
		assertUnreadable(request(change("DELETED", "a", "PUBLISHED", "5", null).replace("\"slug\":\"s\",", "")),
				"'slug' is missing");
		assertUnreadable(request(change("DELETED", "a", "PUBLISHED", "5", null).replace("\"a\"", "null")),
				"'pageId' must be a string");
		assertUnreadable(
				request(change("DELETED", "a", "PUBLISHED", "5", null).replace("}", ",\"ingestedAt\":\"now\"}")),
				"'ingestedAt' must be an ISO-8601 instant");
		assertUnreadable(bytes("{\"changes\":{}}"), "'changes' must be an array");
		assertUnreadable(bytes("{\"changes\":[1]}"), "must be an object");
		assertUnreadable(bytes("{}"), "'changes' is missing");
		assertUnreadable(bytes("[]"), "a write request is a JSON object");
	}

	@Test
	void malformedJsonAnywhereIsUnreadable() {
		String page = "{\"pageId\":\"a\",\"stage\":\"PUBLISHED\",\"contentVersion\":5,\"elements\":[{\"x\":]}";
		assertUnreadable(request(change("UPSERTED", "a", "PUBLISHED", "5", page)), "");
		assertUnreadable(bytes("{\"changes\":[" + change("DELETED", "a", "PUBLISHED", "5", null)), "");
		assertUnreadable(bytes("{\"changes\":[]} {}"), "trailing content");
		assertUnreadable(bytes(""), "");
		assertUnreadable(bytes("not json"), "");
	}

	@Test
	void aWriteHasAtLeastOneAndAtMostTenThousandChanges() {
		assertThatExceptionOfType(InvalidWriteException.class)
			.isThrownBy(() -> ChangeEnvelopes.readRequest(bytes("{\"changes\":[]}")))
			.withMessage("a write needs at least one change");
		String delete = change("DELETED", "a", "PUBLISHED", "5", null);
		String most = (delete + ",").repeat(ChangeEnvelopes.MAX_CHANGES_PER_REQUEST - 1) + delete;
		assertThat(ChangeEnvelopes.readRequest(request(most))).hasSize(ChangeEnvelopes.MAX_CHANGES_PER_REQUEST);
		assertThatExceptionOfType(InvalidWriteException.class)
			.isThrownBy(() -> ChangeEnvelopes.readRequest(request(most + "," + delete)))
			.withMessage("at most 10000 changes per write");
	}

	@Test
	void readsALogEntryAsTheEnvelopeOfItsOwnBytes() {
		byte[] json = MarqueeJson.write(Pages.upsert("a", 7, "A7"));
		ChangeEnvelope read = ChangeEnvelopes.readChange(json);
		assertThat(read.key()).isEqualTo(new PageKey("a", Stage.PUBLISHED));
		assertThat(read.contentVersion()).isEqualTo(7);
		assertThat(read.json()).isEqualTo(json);
		assertThatExceptionOfType(UnreadableWriteException.class)
			.isThrownBy(() -> ChangeEnvelopes.readChange(bytes("{\"kind\":\"DELETED\"}")));
	}

	private static void assertUnreadable(byte[] body, String message) {
		assertThatExceptionOfType(UnreadableWriteException.class).isThrownBy(() -> ChangeEnvelopes.readRequest(body))
			.withMessageContaining(message);
	}

	private static String change(String kind, String pageId, String stage, String version, String page) {
		return "{\"kind\":\"" + kind + "\",\"pageId\":\"" + pageId + "\",\"stage\":\"" + stage + "\",\"slug\":\"s\","
				+ ((version != null) ? "\"contentVersion\":" + version + "," : "") + "\"ingestedAt\":\"" + INGESTED
				+ "\",\"traceId\":\"t\"" + ((page != null) ? ",\"page\":" + page : "") + "}";
	}

	private static byte[] request(String... changes) {
		return bytes("{\"changes\":[" + String.join(",", changes) + "]}");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
