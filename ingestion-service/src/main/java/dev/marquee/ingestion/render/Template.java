package dev.marquee.ingestion.render;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.marquee.model.ElementType;

/**
 * A page template, read from {@code templates/<name>.json}: what a page of this kind must
 * have and may contain.
 *
 * @param name the template's name, as pages reference it
 * @param description what the template is for
 * @param requiredFields page fields that must be present ({@code title}, {@code summary})
 * @param maxLength maximum length of page fields
 * @param elements how many elements a page may have
 * @param allowed the element types the template allows, with their rules
 */
public record Template(String name, @Nullable String description, List<String> requiredFields,
		Map<String, Integer> maxLength, Range elements, Map<ElementType, ElementRule> allowed) {

	public Template {
		requiredFields = (requiredFields != null) ? List.copyOf(requiredFields) : List.of();
		maxLength = (maxLength != null) ? Map.copyOf(maxLength) : Map.of();
		elements = (elements != null) ? elements : new Range(0, Integer.MAX_VALUE);
		allowed = (allowed != null) ? Map.copyOf(allowed) : Map.of();
	}

	/**
	 * The rules of one element type within a template.
	 *
	 * @param maxCount how many elements of this type a page may have; null for no limit
	 * @param required text fields that must be present and not blank
	 * @param maxLength the text fields this type has, with their maximum lengths
	 * @param images how many images
	 * @param titles how many title references
	 * @param talent how many talent references
	 */
	public record ElementRule(@Nullable Integer maxCount, List<String> required, Map<String, Integer> maxLength,
			Range images, Range titles, Range talent) {

		public ElementRule {
			required = (required != null) ? List.copyOf(required) : List.of();
			maxLength = (maxLength != null) ? Map.copyOf(maxLength) : Map.of();
			images = (images != null) ? images : Range.NONE;
			titles = (titles != null) ? titles : Range.NONE;
			talent = (talent != null) ? talent : Range.NONE;
		}

	}

	/**
	 * An inclusive count range.
	 *
	 * @param min at least
	 * @param max at most
	 */
	public record Range(int min, int max) {

		static final Range NONE = new Range(0, 0);

		boolean contains(int count) {
			return count >= this.min && count <= this.max;
		}

	}

}
