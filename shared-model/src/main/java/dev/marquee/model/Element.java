package dev.marquee.model;

import java.util.List;
import java.util.Map;

/**
 * One fully hydrated section of a page, ready to render: no ids left to resolve.
 *
 * <p>
 * All element types share this shape so that every store holds them the same way;
 * {@link ElementType} documents which parts each type uses. Unused parts are empty, never
 * null.
 *
 * @param elementId stable id, unique within the page's stage
 * @param type what kind of element this is
 * @param position zero-based order on the page
 * @param text named text fields ({@code heading}, {@code html}, {@code quote}, ...),
 * already hydrated
 * @param images hydrated images in display order
 * @param titles hydrated title cards in display order
 * @param talent hydrated talent cards in display order
 */
public record Element(String elementId, ElementType type, int position, Map<String, String> text, List<Image> images,
		List<TitleCard> titles, List<TalentCard> talent) {

	public Element {
		text = Map.copyOf(text);
		images = List.copyOf(images);
		titles = List.copyOf(titles);
		talent = List.copyOf(talent);
	}

}
