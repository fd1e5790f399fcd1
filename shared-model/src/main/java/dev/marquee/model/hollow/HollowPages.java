package dev.marquee.model.hollow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.netflix.hollow.api.objects.HollowRecord;
import com.netflix.hollow.api.objects.generic.GenericHollowList;
import com.netflix.hollow.api.objects.generic.GenericHollowObject;
import com.netflix.hollow.core.read.dataaccess.HollowDataAccess;
import com.netflix.hollow.core.schema.HollowObjectSchema;
import com.netflix.hollow.core.schema.HollowObjectSchema.FieldType;
import org.jspecify.annotations.Nullable;

import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

/**
 * Converts between the shared {@link Page} model and its Hollow form, in both directions:
 * the producer writes {@link #toHollow(Page)}, consumers read
 * {@link #fromHollow(HollowDataAccess, int)}.
 */
public final class HollowPages {

	private HollowPages() {
	}

	/**
	 * The Hollow record of a page.
	 * @param page the rendered page
	 * @return the record to add to a producer cycle
	 */
	public static HollowPage toHollow(Page page) {
		List<HollowElement> elements = page.elements().stream().map(HollowPages::toHollow).toList();
		return new HollowPage(page.pageId(), page.stage().name(), page.slug(), page.template(), page.title(),
				page.summary(), elements, page.contentVersion(), page.sourceVersion(), page.ingestedAt().toEpochMilli(),
				page.traceId());
	}

	private static HollowElement toHollow(Element element) {
		List<HollowTextField> text = element.text()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new HollowTextField(entry.getKey(), entry.getValue()))
			.toList();
		return new HollowElement(element.elementId(), element.type().name(), element.position(), text,
				element.images().stream().map(HollowPages::toHollow).toList(),
				element.titles().stream().map(HollowPages::toHollow).toList(),
				element.talent().stream().map(HollowPages::toHollow).toList());
	}

	private static @Nullable HollowImage toHollow(@Nullable Image image) {
		if (image == null) {
			return null;
		}
		List<HollowRendition> renditions = image.renditions()
			.stream()
			.map((r) -> new HollowRendition(r.width(), r.height(), r.url()))
			.toList();
		return new HollowImage(image.assetId(), image.url(), image.width(), image.height(), image.mimeType(),
				image.altText(), image.focalX(), image.focalY(), renditions);
	}

	private static HollowTitleCard toHollow(TitleCard title) {
		return new HollowTitleCard(title.titleId(), title.name(), title.synopsis(), title.maturityRating(),
				title.genres(), toHollow(title.artwork()));
	}

	private static HollowTalentCard toHollow(TalentCard talent) {
		return new HollowTalentCard(talent.talentId(), talent.name(), toHollow(talent.headshot()));
	}

	/**
	 * Reads a page record of a Hollow state.
	 * @param data the consumer's state (its state engine or its API's data access)
	 * @param ordinal the page record's ordinal, e.g. from a primary-key index
	 * @return the page
	 */
	public static Page fromHollow(HollowDataAccess data, int ordinal) {
		GenericHollowObject page = new GenericHollowObject(data, HollowPage.TYPE, ordinal);
		List<Element> elements = new ArrayList<>();
		for (GenericHollowObject element : objects(page.getList("elements"))) {
			elements.add(element(element));
		}
		return new Page(string(page, "pageId"), string(page, "slug"), Stage.valueOf(string(page, "stage")),
				string(page, "template"), string(page, "title"), nullableString(page, "summary"), elements,
				page.getLong("contentVersion"), page.getLong("sourceVersion"),
				Instant.ofEpochMilli(page.getLong("ingestedAtMillis")), string(page, "traceId"));
	}

	/**
	 * Reads just the content version of a page record, without materializing the page.
	 * @param data the consumer's state
	 * @param ordinal the page record's ordinal
	 * @return its content version
	 */
	public static long contentVersion(HollowDataAccess data, int ordinal) {
		return new GenericHollowObject(data, HollowPage.TYPE, ordinal).getLong("contentVersion");
	}

	private static Element element(GenericHollowObject element) {
		Map<String, String> text = new LinkedHashMap<>();
		for (GenericHollowObject field : objects(element.getList("text"))) {
			text.put(string(field, "name"), string(field, "value"));
		}
		List<Image> images = new ArrayList<>();
		for (GenericHollowObject image : objects(element.getList("images"))) {
			images.add(image(image));
		}
		List<TitleCard> titles = new ArrayList<>();
		for (GenericHollowObject title : objects(element.getList("titles"))) {
			List<String> genres = new ArrayList<>();
			for (GenericHollowObject genre : objects(title.getList("genres"))) {
				genres.add(genre.getString("value"));
			}
			titles.add(new TitleCard(string(title, "titleId"), string(title, "name"), string(title, "synopsis"),
					string(title, "maturityRating"), genres, image(title.getObject("artwork"))));
		}
		List<TalentCard> talent = new ArrayList<>();
		for (GenericHollowObject person : objects(element.getList("talent"))) {
			talent.add(new TalentCard(string(person, "talentId"), string(person, "name"),
					image(person.getObject("headshot"))));
		}
		return new Element(string(element, "elementId"), ElementType.valueOf(string(element, "type")),
				element.getInt("position"), text, images, titles, talent);
	}

	private static @Nullable Image image(@Nullable GenericHollowObject image) {
		if (image == null) {
			return null;
		}
		List<Rendition> renditions = new ArrayList<>();
		for (GenericHollowObject rendition : objects(image.getList("renditions"))) {
			renditions
				.add(new Rendition(rendition.getInt("width"), rendition.getInt("height"), string(rendition, "url")));
		}
		return new Image(string(image, "assetId"), string(image, "url"), image.getInt("width"), image.getInt("height"),
				string(image, "mimeType"), nullableString(image, "altText"), image.getDouble("focalX"),
				image.getDouble("focalY"), renditions);
	}

	private static List<GenericHollowObject> objects(@Nullable GenericHollowList list) {
		if (list == null) {
			return List.of();
		}
		List<GenericHollowObject> objects = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			HollowRecord record = list.get(i);
			objects.add((GenericHollowObject) record);
		}
		return objects;
	}

	private static String string(GenericHollowObject object, String field) {
		String value = nullableString(object, field);
		if (value == null) {
			throw new IllegalStateException(object.getSchema().getName() + "." + field + " is null");
		}
		return value;
	}

	private static @Nullable String nullableString(GenericHollowObject object, String field) {
		HollowObjectSchema schema = object.getSchema();
		if (schema.getFieldType(field) == FieldType.REFERENCE) {
			GenericHollowObject referenced = object.getObject(field);
			return (referenced != null) ? referenced.getString("value") : null;
		}
		return object.getString(field);
	}

}
