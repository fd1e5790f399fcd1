package dev.marquee.ingestion.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.ElementFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.Documents.TalentFields;
import dev.marquee.ingestion.content.Documents.TitleFields;
import dev.marquee.ingestion.render.Template.ElementRule;
import dev.marquee.ingestion.render.Template.Range;
import dev.marquee.ingestion.store.WriteStore.Dependency;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Rendition;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

/**
 * Turns a page document into a read-optimized {@link Page}: applies its template (allowed element types,
 * required fields, limits), then hydrates it (asset ids → CDN images with renditions and focal point,
 * title/talent references → cards, {@code {{title:ID.field}}} / {@code {{talent:ID.name}}} placeholders →
 * text). RICH_TEXT is cleaned by an allow-list ({@link RichTextSanitizer}); URL-valued fields and asset paths must
 * be plain web URLs and relative paths ({@link SafeUrls}). Every problem is collected, so one answer lists them
 * all.
 */
@Component
public class PageRenderer {

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{\\s*(title|talent):([A-Za-z0-9_-]+)(?:\\.([A-Za-z]+))?\\s*\\}\\}");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[-/][a-z0-9]+)*");

	private static final int MAX_ID_LENGTH = IncomingChange.MAX_ID_LENGTH;

	// A tag opener in a plain-text field: clients render these fields as text, so markup there is either a
	// mistake or an attack; only RICH_TEXT carries (sanitized) HTML.
	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]|javascript:", Pattern.CASE_INSENSITIVE);

	// A browser reading a URL drops whitespace and control characters, so "java\tscript:" is "javascript:" to it.
	private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cc}\\p{Cf}]");

	private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

	private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

	private final Templates templates;

	private final String cdnBase;

	private final List<Integer> renditionWidths;

	public PageRenderer(Templates templates, IngestionProperties properties) {
		this.templates = templates;
		this.cdnBase = TRAILING_SLASHES.matcher(properties.cdn().baseUrl()).replaceAll("");
		this.renditionWidths = properties.cdn().renditionWidths().stream().sorted().toList();
	}

	/**
	 * Renders one stage of a page.
	 * @param pageId the page's id
	 * @param fields its fields
	 * @param stage the stage rendered
	 * @param catalog where references resolve, for that stage
	 * @param context versions and trace of this rendering
	 * @return the page and the documents it used
	 * @throws RenderException listing every problem
	 */
	public Rendered render(String pageId, PageFields fields, Stage stage, Catalog catalog, Context context) {
		List<Violation> violations = new ArrayList<>();
		Set<Dependency> dependencies = new LinkedHashSet<>();
		Template template = null;
		if (blank(fields.template())) {
			violations.add(Violation.template("template", "is required; one of " + this.templates.all().keySet()));
		}
		else {
			template = this.templates.find(fields.template()).orElse(null);
			if (template == null) {
				violations.add(Violation.template("template",
						"unknown template '" + fields.template() + "'; one of " + this.templates.all().keySet()));
			}
		}
		if (blank(fields.slug())) {
			violations.add(Violation.template("slug", "is required"));
		}
		else if (fields.slug().length() > MAX_ID_LENGTH) {
			violations.add(Violation.template("slug", "must be at most " + MAX_ID_LENGTH + " characters"));
		}
		else if (!SLUG.matcher(fields.slug()).matches()) {
			violations.add(Violation.template("slug", "must be lower-case letters, digits, '-' and '/'"));
		}
		if (blank(fields.title())) {
			violations.add(Violation.template("title", "is required"));
		}
		if (template == null) {
			throw new RenderException(violations);
		}
		checkPageFields(template, fields, violations);
		List<ElementFields> elements = fields.elementsOrEmpty();
		if (!template.elements().contains(elements.size())) {
			violations.add(Violation.template("elements", "must have between " + template.elements().min() + " and "
					+ template.elements().max() + " elements, has " + elements.size()));
		}
		Map<ElementType, Integer> counts = new EnumMap<>(ElementType.class);
		Set<String> ids = new HashSet<>();
		List<Element> rendered = new ArrayList<>();
		for (int i = 0; i < elements.size(); i++) {
			if (elements.get(i) == null) {
				violations.add(Violation.template("elements[" + i + "]", "must be an object, not null"));
				continue;
			}
			Element element = element(template, elements.get(i), i, catalog, counts, ids, dependencies, violations);
			if (element != null) {
				rendered.add(element);
			}
		}
		// A missing title is already a violation; there is nothing to hydrate.
		String title = (fields.title() != null)
				? hydrateText(fields.title(), "title", catalog, dependencies, violations) : "";
		String summary = (fields.summary() != null)
				? hydrateText(fields.summary(), "summary", catalog, dependencies, violations) : null;
		checkHydrated("title", fields.title(), title, violations);
		checkHydrated("summary", fields.summary(), summary, violations);
		Page page = new Page(pageId, fields.slug(), stage, template.name(), title, emptyToNull(summary), rendered,
				context.contentVersion(), context.sourceVersion(), context.ingestedAt(), context.traceId());
		if (!violations.isEmpty()) {
			throw new RenderException(violations);
		}
		return new Rendered(page, dependencies);
	}

	private void checkPageFields(Template template, PageFields fields, List<Violation> violations) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put("title", fields.title());
		values.put("summary", fields.summary());
		values.put("slug", fields.slug());
		for (String required : template.requiredFields()) {
			if (blank(values.get(required)) && violations.stream().noneMatch((v) -> v.field().equals(required))) {
				violations.add(Violation.template(required, "is required by template " + template.name()));
			}
		}
		template.maxLength().forEach((field, max) -> {
			String value = values.get(field);
			if (value != null && value.length() > max) {
				violations.add(Violation.template(field, "must be at most " + max + " characters, is " + value.length()));
			}
		});
		values.forEach((field, value) -> checkPlainText(field, value, violations));
	}

	private static void checkPlainText(String field, @Nullable String value, List<Violation> violations) {
		if (value != null && (MARKUP.matcher(value).find()
				|| INVISIBLE.matcher(value).replaceAll("").toLowerCase(java.util.Locale.ROOT).contains("javascript:"))) {
			violations.add(Violation.template(field,
					"is plain text: markup is not allowed here (use a RICH_TEXT element for HTML)"));
		}
	}

	/** Placeholders bring in catalog text: it must not smuggle markup into a plain-text field either. */
	private static void checkHydrated(String field, @Nullable String raw, @Nullable String hydrated,
			List<Violation> violations) {
		if (raw != null && hydrated != null && !hydrated.equals(raw) && !MARKUP.matcher(raw).find()) {
			checkPlainText(field, hydrated, violations);
		}
	}

	private @Nullable Element element(Template template, ElementFields fields, int index, Catalog catalog,
			Map<ElementType, Integer> counts, Set<String> ids, Set<Dependency> dependencies,
			List<Violation> violations) {
		String at = "elements[" + index + "]";
		int before = violations.size();
		if (blank(fields.id())) {
			violations.add(Violation.template(at + ".id", "is required"));
		}
		else if (fields.id().length() > MAX_ID_LENGTH) {
			violations.add(Violation.template(at + ".id", "must be at most " + MAX_ID_LENGTH + " characters"));
		}
		else if (!ids.add(fields.id())) {
			violations.add(Violation.template(at + ".id", "duplicate element id '" + fields.id() + "'"));
		}
		ElementType type = elementType(fields.type());
		if (type == null) {
			violations.add(Violation.template(at + ".type", "unknown element type '" + fields.type() + "'"));
			return null;
		}
		ElementRule rule = template.allowed().get(type);
		if (rule == null) {
			violations.add(Violation.template(at + ".type",
					"template " + template.name() + " does not allow " + type + "; allowed: " + template.allowed().keySet()));
			return null;
		}
		int count = counts.merge(type, 1, Integer::sum);
		if (rule.maxCount() != null && count == rule.maxCount() + 1) {
			violations.add(Violation.template(at + ".type",
					"template " + template.name() + " allows at most " + rule.maxCount() + " " + type));
		}
		// CMSs send null for a cleared optional field: that is the same as leaving it out.
		Map<String, String> text = new LinkedHashMap<>();
		fields.textOrEmpty().forEach((name, value) -> {
			if (value != null) {
				text.put(name, value);
			}
		});
		for (String required : rule.required()) {
			if (blank(text.get(required))) {
				violations.add(Violation.template(at + ".text." + required, "is required for " + type));
			}
		}
		for (Map.Entry<String, String> entry : text.entrySet()) {
			Integer max = rule.maxLength().get(entry.getKey());
			if (max == null) {
				violations.add(Violation.template(at + ".text." + entry.getKey(),
						"is not a field of " + type + "; fields: " + rule.maxLength().keySet()));
			}
			else if (entry.getValue() != null && entry.getValue().length() > max) {
				violations.add(Violation.template(at + ".text." + entry.getKey(),
						"must be at most " + max + " characters, is " + entry.getValue().length()));
			}
			if (type != ElementType.RICH_TEXT) {
				checkPlainText(at + ".text." + entry.getKey(), entry.getValue(), violations);
			}
			checkUrl(at + ".text." + entry.getKey(), entry.getKey(), entry.getValue(), violations);
		}
		checkReferences(at + ".assetIds", fields.assetIdsOrEmpty(), rule.images(), "images", violations);
		checkReferences(at + ".titleIds", fields.titleIdsOrEmpty(), rule.titles(), "titles", violations);
		checkReferences(at + ".talentIds", fields.talentIdsOrEmpty(), rule.talent(), "talent", violations);
		if (violations.size() > before) {
			return null;
		}
		Map<String, String> hydratedText = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : text.entrySet()) {
			String field = at + ".text." + entry.getKey();
			String value = hydrateText(entry.getValue(), field, catalog, dependencies, violations);
			if (type == ElementType.RICH_TEXT) {
				value = RichTextSanitizer.sanitize(value);
			}
			else {
				checkHydrated(field, entry.getValue(), value, violations);
			}
			if (!value.equals(entry.getValue())) {
				// A placeholder made this URL: what is published must pass the same check.
				checkUrl(field, entry.getKey(), value, violations);
			}
			hydratedText.put(entry.getKey(), value);
		}
		List<Image> images = new ArrayList<>();
		List<String> assetIds = fields.assetIdsOrEmpty();
		for (int i = 0; i < assetIds.size(); i++) {
			Image image = image(assetIds.get(i), at + ".assetIds[" + i + "]", catalog, dependencies, violations);
			if (image != null) {
				images.add(image);
			}
		}
		List<TitleCard> titles = new ArrayList<>();
		List<String> titleIds = fields.titleIdsOrEmpty();
		for (int i = 0; i < titleIds.size(); i++) {
			TitleCard card = titleCard(titleIds.get(i), at + ".titleIds[" + i + "]", catalog, dependencies, violations);
			if (card != null) {
				titles.add(card);
			}
		}
		List<TalentCard> talent = new ArrayList<>();
		List<String> talentIds = fields.talentIdsOrEmpty();
		for (int i = 0; i < talentIds.size(); i++) {
			TalentCard card = talentCard(talentIds.get(i), at + ".talentIds[" + i + "]", catalog, dependencies,
					violations);
			if (card != null) {
				talent.add(card);
			}
		}
		return new Element(fields.id(), type, index, hydratedText, images, titles, talent);
	}

	/** A URL-valued text field ({@code videoUrl}, {@code ctaUrl}, …) holds an absolute http(s) URL only. */
	private static void checkUrl(String field, String name, @Nullable String value, List<Violation> violations) {
		if (value != null && SafeUrls.isUrlField(name)) {
			String problem = SafeUrls.webUrlProblem(value);
			if (problem != null) {
				violations.add(Violation.template(field, problem));
			}
		}
	}

	private static void checkReferences(String field, List<String> ids, Range range, String what,
			List<Violation> violations) {
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			if (blank(id) || id.length() > MAX_ID_LENGTH) {
				violations.add(Violation.template(field + "[" + i + "]",
						"must be a document id of 1 to " + MAX_ID_LENGTH + " characters"));
			}
		}
		int count = ids.size();
		if (!range.contains(count)) {
			violations.add(Violation.template(field, (range.max() == 0) ? "this element type takes no " + what
					: "must have between " + range.min() + " and " + range.max() + " " + what + ", has " + count));
		}
	}

	private String hydrateText(String value, String field, Catalog catalog, Set<Dependency> dependencies,
			List<Violation> violations) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String kind = matcher.group(1);
			String id = matcher.group(2);
			String attribute = (matcher.group(3) != null) ? matcher.group(3) : "name";
			String replacement = ("title".equals(kind))
					? titleAttribute(id, attribute, field, catalog, dependencies, violations)
					: talentAttribute(id, attribute, field, catalog, dependencies, violations);
			matcher.appendReplacement(result, Matcher.quoteReplacement((replacement != null) ? replacement : ""));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private @Nullable String titleAttribute(String id, String attribute, String field, Catalog catalog,
			Set<Dependency> dependencies, List<Violation> violations) {
		dependencies.add(new Dependency(ContentType.TITLE, id));
		Optional<TitleFields> title = catalog.title(id);
		if (title.isEmpty()) {
			violations.add(Violation.reference(field, "placeholder references title '" + id + "', which does not exist"));
			return null;
		}
		return switch (attribute) {
			case "name" -> nullToEmpty(title.get().name());
			case "synopsis" -> nullToEmpty(title.get().synopsis());
			case "maturityRating" -> nullToEmpty(title.get().maturityRating());
			case "genres" -> String.join(", ", title.get().genresOrEmpty());
			default -> {
				violations.add(Violation.template(field, "placeholder field '" + attribute
						+ "' of a title is not one of name, synopsis, maturityRating, genres"));
				yield null;
			}
		};
	}

	private @Nullable String talentAttribute(String id, String attribute, String field, Catalog catalog,
			Set<Dependency> dependencies, List<Violation> violations) {
		dependencies.add(new Dependency(ContentType.TALENT, id));
		Optional<TalentFields> talent = catalog.talent(id);
		if (talent.isEmpty()) {
			violations.add(Violation.reference(field, "placeholder references talent '" + id + "', which does not exist"));
			return null;
		}
		if (!"name".equals(attribute)) {
			violations.add(Violation.template(field, "placeholder field '" + attribute + "' of talent is not 'name'"));
			return null;
		}
		return nullToEmpty(talent.get().name());
	}

	private @Nullable TitleCard titleCard(String id, String field, Catalog catalog, Set<Dependency> dependencies,
			List<Violation> violations) {
		dependencies.add(new Dependency(ContentType.TITLE, id));
		Optional<TitleFields> found = catalog.title(id);
		if (found.isEmpty()) {
			violations.add(Violation.reference(field, "title '" + id + "' does not exist"));
			return null;
		}
		TitleFields title = found.get();
		Image artwork = null;
		if (!blank(title.artworkAssetId())) {
			artwork = image(title.artworkAssetId(), field + ".artworkAssetId", catalog, dependencies, violations);
		}
		return new TitleCard(id, nullToEmpty(title.name()), nullToEmpty(title.synopsis()),
				nullToEmpty(title.maturityRating()), title.genresOrEmpty(), artwork);
	}

	private @Nullable TalentCard talentCard(String id, String field, Catalog catalog, Set<Dependency> dependencies,
			List<Violation> violations) {
		dependencies.add(new Dependency(ContentType.TALENT, id));
		Optional<TalentFields> found = catalog.talent(id);
		if (found.isEmpty()) {
			violations.add(Violation.reference(field, "talent '" + id + "' does not exist"));
			return null;
		}
		TalentFields talent = found.get();
		Image headshot = null;
		if (!blank(talent.headshotAssetId())) {
			headshot = image(talent.headshotAssetId(), field + ".headshotAssetId", catalog, dependencies, violations);
		}
		return new TalentCard(id, nullToEmpty(talent.name()), headshot);
	}

	private @Nullable Image image(String assetId, String field, Catalog catalog, Set<Dependency> dependencies,
			List<Violation> violations) {
		dependencies.add(new Dependency(ContentType.ASSET, assetId));
		Optional<AssetFields> asset = catalog.asset(assetId);
		if (asset.isEmpty()) {
			violations.add(Violation.reference(field, "asset '" + assetId + "' does not exist"));
			return null;
		}
		return image(assetId, asset.get());
	}

	/**
	 * An asset as a CDN image with its responsive renditions.
	 * @param assetId the asset's id
	 * @param asset its fields
	 * @return the hydrated image
	 */
	public Image image(String assetId, AssetFields asset) {
		double focalX = (asset.focalPoint() != null) ? asset.focalPoint().x() : 0.5;
		double focalY = (asset.focalPoint() != null) ? asset.focalPoint().y() : 0.5;
		String base = this.cdnBase + "/" + LEADING_SLASHES.matcher(nullToEmpty(asset.file())).replaceAll("");
		// Every image of every page goes through here: String.format was a visible share of ingestion's CPU.
		String focus = "&fx=" + twoDecimals(focalX) + "&fy=" + twoDecimals(focalY);
		List<Rendition> renditions = new ArrayList<>();
		for (int width : this.renditionWidths) {
			if (width < asset.width()) {
				int height = (int) Math.round((double) width * asset.height() / asset.width());
				renditions.add(new Rendition(width, height, base + "?w=" + width + "&h=" + height + focus));
			}
		}
		renditions.add(new Rendition(asset.width(), asset.height(), base));
		return new Image(assetId, base, asset.width(), asset.height(), nullToEmpty(asset.mimeType()),
				asset.altText(), focalX, focalY, renditions);
	}

	// As %.2f would print it.
	private static String twoDecimals(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * Checks a catalog document (title, talent, asset) before it is stored.
	 * @param type its type
	 * @param fields its fields, already read
	 * @return the problems, empty when it is fine
	 */
	public static List<Violation> checkCatalog(ContentType type, Object fields) {
		List<Violation> violations = new ArrayList<>();
		if (fields instanceof TitleFields title) {
			if (blank(title.name())) {
				violations.add(Violation.template("name", "is required"));
			}
			else if (title.name().length() > 200) {
				violations.add(Violation.template("name", "must be at most 200 characters"));
			}
			if (title.synopsis() != null && title.synopsis().length() > 2000) {
				violations.add(Violation.template("synopsis", "must be at most 2000 characters"));
			}
			checkPlainText("name", title.name(), violations);
			checkPlainText("synopsis", title.synopsis(), violations);
			checkPlainText("maturityRating", title.maturityRating(), violations);
			List<String> genres = title.genresOrEmpty();
			for (int i = 0; i < genres.size(); i++) {
				checkPlainText("genres[" + i + "]", genres.get(i), violations);
			}
		}
		else if (fields instanceof TalentFields talent) {
			if (blank(talent.name())) {
				violations.add(Violation.template("name", "is required"));
			}
			else if (talent.name().length() > 200) {
				violations.add(Violation.template("name", "must be at most 200 characters"));
			}
			checkPlainText("name", talent.name(), violations);
		}
		else if (fields instanceof AssetFields asset) {
			if (blank(asset.file())) {
				violations.add(Violation.template("file", "is required"));
			}
			else {
				String problem = SafeUrls.assetPathProblem(asset.file());
				if (problem != null) {
					violations.add(Violation.template("file", problem));
				}
			}
			if (asset.width() <= 0) {
				violations.add(Violation.template("width", "must be a positive number of pixels"));
			}
			if (asset.height() <= 0) {
				violations.add(Violation.template("height", "must be a positive number of pixels"));
			}
			if (blank(asset.mimeType()) || !asset.mimeType().startsWith("image/")) {
				violations.add(Violation.template("mimeType", "must be an image/* media type"));
			}
			if (asset.altText() != null && asset.altText().length() > 1000) {
				violations.add(Violation.template("altText", "must be at most 1000 characters"));
			}
			checkPlainText("altText", asset.altText(), violations);
			if (asset.focalPoint() != null && (asset.focalPoint().x() < 0 || asset.focalPoint().x() > 1
					|| asset.focalPoint().y() < 0 || asset.focalPoint().y() > 1)) {
				violations.add(Violation.template("focalPoint", "x and y must be between 0 and 1"));
			}
		}
		return violations;
	}

	private static @Nullable ElementType elementType(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			return ElementType.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * What one rendering stamps on the page.
	 * @param contentVersion the page's new content version
	 * @param sourceVersion the CMS version of the page document
	 * @param ingestedAt when the triggering write was accepted
	 * @param traceId the triggering request's trace id
	 */
	public record Context(long contentVersion, long sourceVersion, Instant ingestedAt, String traceId) {
	}

	/**
	 * A rendered page.
	 * @param page the page
	 * @param dependencies the titles, talent and assets it used (also those it failed to find)
	 */
	public record Rendered(Page page, Set<Dependency> dependencies) {
	}

}
