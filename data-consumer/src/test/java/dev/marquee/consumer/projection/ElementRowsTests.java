package dev.marquee.consumer.projection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.consumer.projection.ElementRows.Encoded;
import dev.marquee.consumer.projection.ElementRows.Plan;
import dev.marquee.consumer.projection.ElementRows.Stored;
import dev.marquee.consumer.projection.ElementRows.StoredElement;
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
	void rowsWithoutHashOrWithAnotherWriteTimeAreNotTrusted() {
		Map<Integer, StoredElement> rows = new HashMap<>();
		rows.put(0, new StoredElement("a", null, V1));
		rows.put(1, new StoredElement("b", ElementRows.encode(element("b", 1, "y")).hash(), V1 - 5));
		rows.put(2, new StoredElement("c", ElementRows.encode(element("c", 2, "z")).hash(), V1));
		Plan plan = ElementRows.plan(encoded("a:x", "b:y", "c:z"), new Stored(V1, rows), V2);
		assertThat(ids(plan)).containsExactly("a", "b");
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
		assertThat(ElementRows.encode(one).hash().remaining()).isEqualTo(32);
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
		Map<Integer, StoredElement> rows = new HashMap<>();
		List<Encoded> encoded = encoded(elements);
		for (int i = 0; i < encoded.size(); i++) {
			rows.put(i, new StoredElement(encoded.get(i).element().elementId(), encoded.get(i).hash(), version));
		}
		return new Stored(version, rows);
	}

	private static Element element(String id, int position, String text) {
		return new Element(id, ElementType.RICH_TEXT, position, Map.of("html", text), List.of(), List.of(), List.of());
	}

	private static List<String> ids(Plan plan) {
		return plan.writes().stream().map((e) -> e.element().elementId()).toList();
	}

}
