package dev.marquee.consumer.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.consumer.projection.ElementRows.Encoded;
import dev.marquee.consumer.projection.ElementRows.Plan;
import dev.marquee.consumer.projection.ElementRows.Stored;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;

import static org.assertj.core.api.Assertions.assertThat;

class ElementRowsTests {

	private static final long V1 = 1_000_000;

	private static final long V2 = 2_000_000;

	@Test
	void firstVersionWritesEveryElement() {
		Plan plan = ElementRows.plan(encoded("a:x", "b:y"), Stored.EMPTY, V1);
		assertThat(plan.newest()).isTrue();
		assertThat(ids(plan)).containsExactly("a", "b");
		assertThat(plan.deletes()).isEmpty();
	}

	@Test
	void unchangedElementsAreSkippedAndChangedOnesWritten() {
		Plan plan = ElementRows.plan(encoded("a:x", "b:changed", "c:z"), stored(V1, "a:x", "b:y", "c:z"), V2);
		assertThat(plan.newest()).isTrue();
		assertThat(ids(plan)).containsExactly("b");
		assertThat(plan.deletes()).isEmpty();
	}

	@Test
	void droppedElementsAreDeletedAndMovedOnesRewritten() {
		// b moved from position 1 to 0 (same text), a was dropped.
		Plan plan = ElementRows.plan(encoded("b:y"), stored(V1, "a:x", "b:y"), V2);
		assertThat(ids(plan)).containsExactly("b");
		assertThat(plan.deletes()).containsExactly("a");
	}

	@Test
	void duplicateOfTheStoredVersionWritesNothing() {
		Plan plan = ElementRows.plan(encoded("a:x", "b:y"), stored(V2, "a:x", "b:y"), V2);
		assertThat(plan.newest()).isTrue();
		assertThat(plan.writes()).isEmpty();
		assertThat(plan.deletes()).isEmpty();
	}

	@Test
	void olderVersionThanTheStoredOneWritesNoElementRow() {
		Plan plan = ElementRows.plan(encoded("a:other", "c:new"), stored(V2, "a:x", "b:y"), V1);
		assertThat(plan.newest()).isFalse();
		assertThat(plan.writes()).isEmpty();
		assertThat(plan.deletes()).isEmpty();
	}

	@Test
	void rowsNotKnownExactlyAreAllRewrittenAndThePartitionReplaced() {
		Stored inexact = new Stored(V1, false, stored(V1, "a:x", "b:y").elements());
		Plan plan = ElementRows.plan(encoded("a:x", "b:y"), inexact, V2);
		assertThat(ids(plan)).containsExactly("a", "b");
		assertThat(plan.replacePartition()).isTrue();
		assertThat(plan.rows()).hasSize(2);
		assertThat(plan.droppedPositions()).isEmpty();
	}

	@Test
	void onlyChangedElementsByPageRowsAreWrittenAndDroppedPositionsDeleted() {
		Plan plan = ElementRows.plan(encoded("a:x", "b:changed"), stored(V1, "a:x", "b:y", "c:z"), V2);
		assertThat(plan.replacePartition()).isFalse();
		assertThat(plan.rows()).extracting((e) -> e.element().elementId()).containsExactly("b");
		assertThat(plan.droppedPositions()).containsExactly(2);
		assertThat(plan.deletes()).containsExactly("c");
	}

	@Test
	void aNewPageWritesEveryRowWithoutATombstone() {
		Plan plan = ElementRows.plan(encoded("a:x", "b:y"), Stored.EMPTY, V1);
		assertThat(plan.replacePartition()).isFalse();
		assertThat(plan.rows()).hasSize(2);
	}

	@Test
	void theDigestNamesTheElementsInPositionOrder() {
		List<Encoded> ab = encoded("a:x", "b:y");
		assertThat(ElementRows.digest(ab))
			.isEqualTo(ElementRows.digest(ElementRows.byPosition(List.of(ab.get(1), ab.get(0)))));
		assertThat(ElementRows.digest(ab)).isNotEqualTo(ElementRows.digest(encoded("a:x", "b:z")));
		assertThat(ElementRows.digest(ab).remaining()).isEqualTo(32);
	}

	@Test
	void repeatedElementIdsDisableSkipping() {
		Plan plan = ElementRows.plan(encoded("a:x", "a:x"), stored(V1, "a:x", "a:x"), V2);
		assertThat(ids(plan)).containsExactly("a", "a");
	}

	@Test
	void bodyIsTheSameBytesWhateverTheMapOrder() {
		Map<String, String> forward = new LinkedHashMap<>();
		forward.put("heading", "h");
		forward.put("html", "<p/>");
		Map<String, String> backward = new LinkedHashMap<>();
		backward.put("html", "<p/>");
		backward.put("heading", "h");
		Element one = new Element("a", ElementType.RICH_TEXT, 0, forward, List.of(), List.of(), List.of());
		Element two = new Element("a", ElementType.RICH_TEXT, 0, backward, List.of(), List.of(), List.of());
		assertThat(ElementRows.encode(one).body()).isEqualTo(ElementRows.encode(two).body());
		assertThat(ElementRows.encode(one).hash()).isEqualTo(ElementRows.encode(two).hash());
		assertThat(ElementRows.encode(one).hash()).hasSize(32);
	}

	/** "id:text" per position. */
	private static List<Encoded> encoded(String... elements) {
		List<Encoded> encoded = new java.util.ArrayList<>();
		for (int i = 0; i < elements.length; i++) {
			String[] parts = elements[i].split(":");
			encoded.add(ElementRows.encode(element(parts[0], i, parts[1])));
		}
		return encoded;
	}

	private static Stored stored(long version, String... elements) {
		return Stored.written(version, encoded(elements));
	}

	private static Element element(String id, int position, String text) {
		return new Element(id, ElementType.RICH_TEXT, position, Map.of("html", text), List.of(), List.of(), List.of());
	}

	private static List<String> ids(Plan plan) {
		return plan.writes().stream().map((e) -> e.element().elementId()).toList();
	}

}
