package dev.marquee.page.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;
import dev.marquee.model.json.MarqueeJson;

/**
 * Marquee's native webhook body, written the way a CMS would: a page document rebuilt
 * from a rendered page with a new hero heading (signed with
 * {@link dev.marquee.model.webhook.NativeWebhook}).
 */
final class DemoWebhook {

	private DemoWebhook() {
	}

	/**
	 * A {@code publish} of the page's document with the first HERO element's heading
	 * replaced. The rendered page is all page construction holds, so the document is
	 * rebuilt from it: hydrated text stays as text (a {@code {{title:ID}}} placeholder
	 * the editor wrote is sent resolved), cards and images go back to their ids, which
	 * ingestion hydrates again.
	 * @param page the published page to edit
	 * @param heading the new hero heading
	 * @param version the CMS version of the edited document
	 * @return the raw JSON body
	 * @throws IllegalArgumentException when the page has no HERO element
	 */
	static byte[] body(Page page, String heading, long version) {
		List<Map<String, Object>> elements = new ArrayList<>();
		boolean edited = false;
		for (Element element : sorted(page)) {
			Map<String, String> text = new TreeMap<>(element.text());
			if (!edited && element.type() == ElementType.HERO) {
				text.put("heading", heading);
				edited = true;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("id", element.elementId());
			fields.put("type", element.type().name());
			fields.put("text", text);
			fields.put("assetIds", element.images().stream().map(Image::assetId).toList());
			fields.put("titleIds", element.titles().stream().map(TitleCard::titleId).toList());
			fields.put("talentIds", element.talent().stream().map(TalentCard::talentId).toList());
			elements.add(fields);
		}
		if (!edited) {
			throw new IllegalArgumentException("page " + page.slug() + " has no HERO element to edit");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("slug", page.slug());
		fields.put("template", page.template());
		fields.put("title", page.title());
		if (page.summary() != null) {
			fields.put("summary", page.summary());
		}
		fields.put("elements", elements);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "page");
		body.put("action", "publish");
		body.put("id", page.pageId());
		body.put("version", version);
		body.put("fields", fields);
		return MarqueeJson.mapper().writeValueAsBytes(body);
	}

	private static List<Element> sorted(Page page) {
		return page.elements().stream().sorted(Comparator.comparingInt(Element::position)).toList();
	}

}
