package dev.marquee.ingestion.ingest;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.DocumentState;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.content.StageVersion;
import dev.marquee.ingestion.ingest.VersionRules.Decision;
import dev.marquee.model.Stage;
import dev.marquee.model.json.MarqueeJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionRulesTests {

	@Test
	void aPublishOlderThanAWaitingDraftStillUpdatesPublished() {
		DocumentState afterDraft = apply(null, Action.DRAFT, 3L);

		Decision publish = VersionRules.decide(afterDraft, Action.PUBLISH, 2L, "marquee");

		assertThat(publish.stages()).containsExactly(Stage.PUBLISHED);
		assertThat(publish.kept()).contains("PREVIEW keeps its newer version 3");
		assertThat(publish.after().stages()).containsEntry(Stage.PUBLISHED, new StageVersion(2, false))
			.containsEntry(Stage.PREVIEW, new StageVersion(3, false));
		assertThat(publish.after().highest()).isEqualTo(3);
	}

	@Test
	void aPublishOlderThanEveryStageIsIgnored() {
		DocumentState published = apply(null, Action.PUBLISH, 5L);

		assertThat(VersionRules.decide(published, Action.PUBLISH, 4L, "marquee").ignored()).isTrue();
		assertThat(VersionRules.decide(published, Action.DRAFT, 4L, "marquee").ignored()).isTrue();
	}

	@Test
	void theSameVersionIsAppliedAgainWhileTheStageIsLive() {
		DocumentState published = apply(null, Action.PUBLISH, 5L);

		assertThat(VersionRules.decide(published, Action.PUBLISH, 5L, "marquee").stages())
			.containsExactlyInAnyOrder(Stage.PUBLISHED, Stage.PREVIEW);
	}

	@Test
	void aRemovalWithoutVersionRecordsTheHighestVersionSeenAndOnlyANewerOneBringsItBack() {
		DocumentState state = apply(null, Action.PUBLISH, 5L);
		state = apply(state, Action.DRAFT, 7L);
		Decision delete = VersionRules.decide(state, Action.DELETE, null, "contentful");
		assertThat(delete.stages()).containsExactlyInAnyOrder(Stage.PUBLISHED, Stage.PREVIEW);
		assertThat(delete.version()).isEqualTo(7);
		state = delete.after();
		assertThat(state.removed()).isTrue();

		assertThat(VersionRules.decide(state, Action.PUBLISH, 5L, "marquee").ignored()).isTrue();
		Decision retried = VersionRules.decide(state, Action.PUBLISH, 7L, "marquee");
		assertThat(retried.ignored()).isTrue();
		assertThat(retried.kept()).contains("removed at version 7");
		assertThat(VersionRules.decide(state, Action.PUBLISH, 8L, "marquee").stages())
			.containsExactlyInAnyOrder(Stage.PUBLISHED, Stage.PREVIEW);
	}

	@Test
	void anUnpublishKeepsPreviewAndARetriedPublishDoesNotResurrectPublished() {
		DocumentState state = apply(null, Action.PUBLISH, 5L);
		state = apply(state, Action.UNPUBLISH, null);

		Decision retried = VersionRules.decide(state, Action.PUBLISH, 5L, "marquee");

		assertThat(retried.stages()).containsExactly(Stage.PREVIEW);
		assertThat(retried.after().stages().get(Stage.PUBLISHED)).isEqualTo(new StageVersion(5, true));
	}

	@Test
	void aVersionedRemovalRecordsItsOwnVersionSoAReorderedLaterPublishIsKept() {
		// The CMS did: publish v2, unpublish v3, publish v5, draft v7. Delivered: v2, v7,
		// v3, v5.
		DocumentState state = apply(null, Action.PUBLISH, 2L);
		state = apply(state, Action.DRAFT, 7L);
		state = apply(state, Action.UNPUBLISH, 3L);

		Decision publish = VersionRules.decide(state, Action.PUBLISH, 5L, "marquee");

		assertThat(publish.stages()).containsExactly(Stage.PUBLISHED);
		assertThat(VersionRules.decide(state, Action.PUBLISH, 3L, "marquee").ignored()).isTrue();
	}

	@Test
	void aVersionedRemovalOlderThanTheStageIsIgnored() {
		DocumentState state = apply(null, Action.PUBLISH, 5L);

		assertThat(VersionRules.decide(state, Action.UNPUBLISH, 4L, "marquee").ignored()).isTrue();
		assertThat(VersionRules.decide(state, Action.UNPUBLISH, 5L, "marquee").stages())
			.containsExactly(Stage.PUBLISHED);
	}

	@Test
	void theFirstSourceOwnsTheDocumentForGood() {
		DocumentState state = apply(null, Action.PUBLISH, 1L);
		assertThat(state.owner()).isEqualTo("marquee");

		Decision later = VersionRules.decide(state, Action.PUBLISH, 2L, "strapi");

		assertThat(later.after().owner()).isEqualTo("marquee");
	}

	@Test
	void refusesImplausibleVersions() {
		for (long version : new long[] { Long.MAX_VALUE, 1L << 53, 1_767_225_600_000_000_000L, -1 }) {
			assertThatThrownBy(() -> VersionRules.checkPlausible(change(Action.PUBLISH, version)))
				.isInstanceOfSatisfying(IngestionRefusedException.class, (ex) -> {
					assertThat(ex.reason()).isEqualTo(IngestionRefusedException.Reason.INVALID_DOCUMENT);
					assertThat(ex.details()).containsKey("errors");
					assertThat(ex.details().get("errors").toString()).contains("field=version");
				});
		}
		assertThatThrownBy(() -> VersionRules.checkPlausible(change(Action.DRAFT, null)))
			.isInstanceOf(IngestionRefusedException.class);
		assertThatCode(() -> VersionRules.checkPlausible(change(Action.PUBLISH, (1L << 53) - 1)))
			.doesNotThrowAnyException();
		assertThatCode(() -> VersionRules.checkPlausible(change(Action.DELETE, null))).doesNotThrowAnyException();
	}

	private static DocumentState apply(DocumentState state, Action action, Long version) {
		Decision decision = VersionRules.decide(state, action, version, "marquee");
		assertThat(decision.ignored()).as("%s v%s applies", action, version).isFalse();
		return decision.after();
	}

	private static IncomingChange change(Action action, Long version) {
		JsonNode fields = MarqueeJson.mapper().createObjectNode();
		return new IncomingChange("marquee", "d1", ContentType.PAGE, "p1", version, action,
				action.isRemoval() ? null : fields, "{}", "t1");
	}

	@Test
	void aStageNeverWrittenTakesAnyVersion() {
		DocumentState draftOnly = new DocumentState(9, false, "marquee",
				Map.of(Stage.PREVIEW, new StageVersion(9, false)));

		Decision publish = VersionRules.decide(draftOnly, Action.PUBLISH, 1L, "marquee");

		assertThat(publish.stages()).isEqualTo(EnumSet.of(Stage.PUBLISHED));
	}

}
