package dev.marquee.consumer.stream;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.Element;
import dev.marquee.model.Page;
import dev.marquee.model.PageChanged;
import dev.marquee.model.json.MarqueeJson;

/**
 * Reads and checks the value of a page-change record: what is not a change the read
 * tables can hold is poison.
 */
public final class PageChanges {

	private PageChanges() {
	}

	/**
	 * Reads and validates a record value.
	 * @param value the record's bytes
	 * @return the change
	 * @throws InvalidPageChangeException if the bytes are not a valid change
	 */
	public static PageChanged read(byte @Nullable [] value) {
		if (value == null) {
			throw new InvalidPageChangeException("record without value");
		}
		PageChanged change;
		try {
			change = MarqueeJson.readPageChanged(value);
		}
		catch (RuntimeException ex) {
			throw new InvalidPageChangeException("not a PageChanged: " + ex.getMessage(), ex);
		}
		if (change == null) {
			throw new InvalidPageChangeException("record value is JSON null");
		}
		validate(change);
		return change;
	}

	/**
	 * Checks the parts of a change that its constructor does not.
	 * @param change the change
	 * @throws InvalidPageChangeException if the change is inconsistent
	 */
	public static void validate(PageChanged change) {
		if (change.contentVersion() <= 0) {
			throw new InvalidPageChangeException("contentVersion must be positive: " + change.contentVersion());
		}
		if (change.ingestedAt() == null) {
			throw new InvalidPageChangeException("ingestedAt missing");
		}
		if (change.pageId().isBlank() || change.slug().isBlank()) {
			throw new InvalidPageChangeException("blank pageId or slug");
		}
		Page page = change.page();
		if (change.kind() == PageChanged.ChangeKind.DELETED || page == null) {
			return;
		}
		if (!page.pageId().equals(change.pageId()) || page.stage() != change.stage()
				|| !page.slug().equals(change.slug()) || page.contentVersion() != change.contentVersion()) {
			throw new InvalidPageChangeException(
					"page " + page.pageId() + " does not match its change (pageId, stage, slug, contentVersion)");
		}
		if (page.template() == null || page.title() == null || page.ingestedAt() == null || page.traceId() == null) {
			throw new InvalidPageChangeException(
					"page " + page.pageId() + " lacks template, title, ingestedAt or traceId");
		}
		Set<Integer> positions = new HashSet<>();
		Set<String> ids = new HashSet<>();
		for (Element element : page.elements()) {
			if (element.elementId() == null || element.type() == null) {
				throw new InvalidPageChangeException("page " + page.pageId() + " has an element without id or type");
			}
			if (!positions.add(element.position()) || !ids.add(element.elementId())) {
				throw new InvalidPageChangeException(
						"page " + page.pageId() + " repeats element position or id " + element.elementId());
			}
		}
	}

}
