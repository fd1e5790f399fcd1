package dev.marquee.ingestion.webhook.sanity;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SanityMappingTests {

	@Test
	void theOperationInTheSignedBodyWinsOverTheUnsignedHeader() {
		assertThat(SanityMapping.operation(json("{\"_operation\":\"delete\"}"), "update")).isEqualTo("delete");
		assertThat(SanityMapping.operation(json("{}"), "delete")).isEqualTo("delete");
		assertThat(SanityMapping.operation(json("{}"), null)).isEqualTo("update");
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> SanityMapping.operation(json("{\"_operation\":[\"delete\"]}"), null))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(422));
	}

	@Test
	void releaseVersionsDraftsAndEveryDottedIdArePreviewOnly() {
		for (String id : new String[] { "versions.spring.page-1", "drafts.page-1", "versions.r-2026.page-1" }) {
			IncomingChange change = change("update", id);
			assertThat(change.action()).as(id).isEqualTo(Action.DRAFT);
			assertThat(change.documentId()).as(id).isEqualTo("page-1");
		}
		assertThat(change("create", "some.path.doc").action()).isEqualTo(Action.DRAFT);
		assertThat(change("update", "page-1").action()).isEqualTo(Action.PUBLISH);
		assertThat(SanityMapping.published("versions.r.page-1")).isFalse();
		assertThat(SanityMapping.published("page-1")).isTrue();
	}

	@Test
	void aReleaseIdWithoutADocumentIsInvalid() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> change("update", "versions.only-release"))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(422));
	}

	private static IncomingChange change(String operation, String id) {
		String body = "{\"_id\":\"" + id
				+ "\",\"_type\":\"title\",\"_updatedAt\":\"2026-01-01T00:00:00Z\",\"name\":\"N\"}";
		return SanityMapping.toChange(operation, json(body), "d", body.getBytes(StandardCharsets.UTF_8));
	}

	private static JsonNode json(String text) {
		return MarqueeJson.mapper().readTree(text);
	}

}
