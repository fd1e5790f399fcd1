package dev.marquee.ingestion.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.IngestionProperties;
import dev.marquee.ingestion.content.Dependency;
import dev.marquee.ingestion.content.Documents.AssetFields;
import dev.marquee.ingestion.content.Documents.ElementFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.render.TemplateChecks.CheckedElement;
import dev.marquee.model.Element;
import dev.marquee.model.ElementType;
import dev.marquee.model.Image;
import dev.marquee.model.Page;
import dev.marquee.model.Stage;
import dev.marquee.model.TalentCard;
import dev.marquee.model.TitleCard;

/**
 * Turns a page document into a read-optimized {@link Page}: applies its template
 * ({@link TemplateChecks}: allowed element types, required fields, limits), then hydrates
 * it ({@link Hydration}: asset ids → CDN images with renditions and focal point,
 * title/talent references → cards, {@link Placeholders} → text). RICH_TEXT is cleaned by
 * an allow-list ({@link RichTextSanitizer}); every other text is plain
 * ({@link PlainText}); URL-valued fields and asset paths must be plain web URLs and
 * relative paths ({@link SafeUrls}). Every problem is collected, so one answer lists them
 * all.
 */
@Component
public class PageRenderer {

	private final Templates templates;

	private final CdnImages images;

	public PageRenderer(Templates templates, IngestionProperties properties) {
		this.templates = templates;
		this.images = new CdnImages(properties.cdn().baseUrl(), properties.cdn().renditionWidths());
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
		Template template = TemplateChecks.template(this.templates, fields, violations);
		if (template == null) {
			throw new RenderException(violations);
		}
		TemplateChecks.page(template, fields, violations);
		Hydration hydration = new Hydration(catalog, this.images, violations);
		List<ElementFields> elements = fields.elementsOrEmpty();
		Map<ElementType, Integer> counts = new EnumMap<>(ElementType.class);
		Set<String> ids = new HashSet<>();
		List<Element> rendered = new ArrayList<>();
		for (int i = 0; i < elements.size(); i++) {
			if (elements.get(i) == null) {
				violations.add(Violation.template("elements[" + i + "]", "must be an object, not null"));
				continue;
			}
			CheckedElement checked = TemplateChecks.element(template, elements.get(i), i, counts, ids, violations);
			if (checked != null) {
				rendered.add(element(elements.get(i), i, checked, hydration));
			}
		}
		// A missing title is already a violation; there is nothing to hydrate.
		String title = (fields.title() != null) ? hydration.text(fields.title(), "title") : "";
		String summary = (fields.summary() != null) ? hydration.text(fields.summary(), "summary") : null;
		PlainText.checkHydrated("title", fields.title(), title, violations);
		PlainText.checkHydrated("summary", fields.summary(), summary, violations);
		Page page = new Page(pageId, fields.slug(), stage, template.name(), title, emptyToNull(summary), rendered,
				context.contentVersion(), context.sourceVersion(), context.ingestedAt(), context.traceId());
		if (!violations.isEmpty()) {
			throw new RenderException(violations);
		}
		return new Rendered(page, hydration.dependencies);
	}

	/**
	 * Another stage of a page already rendered, without rendering it again, when that
	 * stage's catalog answers every lookup of the rendering alike. A rendering is a
	 * function of the fields and of those answers (its dependencies name every document
	 * it looked up, found or not), so it is the same page; a publish renders both stages
	 * of one document, and a catalog is mostly the same in both.
	 * @param rendered a rendering of the same fields
	 * @param renderedFrom the catalog it was rendered from
	 * @param stage the other stage
	 * @param catalog where references resolve for that stage
	 * @param context versions and trace of this rendering
	 * @return the page and the documents it used, or empty when the catalogs differ for
	 * it
	 */
	public Optional<Rendered> sameAs(Rendered rendered, Catalog renderedFrom, Stage stage, Catalog catalog,
			Context context) {
		for (Dependency dependency : rendered.dependencies()) {
			if (!lookup(renderedFrom, dependency).equals(lookup(catalog, dependency))) {
				return Optional.empty();
			}
		}
		Page page = rendered.page();
		return Optional.of(new Rendered(new Page(page.pageId(), page.slug(), stage, page.template(), page.title(),
				page.summary(), page.elements(), context.contentVersion(), context.sourceVersion(),
				context.ingestedAt(), context.traceId()), rendered.dependencies()));
	}

	private static Optional<?> lookup(Catalog catalog, Dependency dependency) {
		return switch (dependency.type()) {
			case TITLE -> catalog.title(dependency.id());
			case TALENT -> catalog.talent(dependency.id());
			case ASSET -> catalog.asset(dependency.id());
			default -> throw new IllegalArgumentException("not a catalog document: " + dependency);
		};
	}

	private static Element element(ElementFields fields, int index, CheckedElement checked, Hydration hydration) {
		String at = "elements[" + index + "]";
		Map<String, String> hydratedText = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : checked.text().entrySet()) {
			String field = at + ".text." + entry.getKey();
			String value = hydration.text(entry.getValue(), field);
			if (checked.type() == ElementType.RICH_TEXT) {
				value = RichTextSanitizer.sanitize(value);
			}
			else {
				PlainText.checkHydrated(field, entry.getValue(), value, hydration.violations);
			}
			if (!value.equals(entry.getValue())) {
				// A placeholder made this URL: what is published must pass the same
				// check.
				TemplateChecks.url(field, entry.getKey(), value, hydration.violations);
			}
			hydratedText.put(entry.getKey(), value);
		}
		List<Image> images = new ArrayList<>();
		List<String> assetIds = fields.assetIdsOrEmpty();
		for (int i = 0; i < assetIds.size(); i++) {
			Image image = hydration.image(assetIds.get(i), at + ".assetIds[" + i + "]");
			if (image != null) {
				images.add(image);
			}
		}
		List<TitleCard> titles = new ArrayList<>();
		List<String> titleIds = fields.titleIdsOrEmpty();
		for (int i = 0; i < titleIds.size(); i++) {
			TitleCard card = hydration.titleCard(titleIds.get(i), at + ".titleIds[" + i + "]");
			if (card != null) {
				titles.add(card);
			}
		}
		List<TalentCard> talent = new ArrayList<>();
		List<String> talentIds = fields.talentIdsOrEmpty();
		for (int i = 0; i < talentIds.size(); i++) {
			TalentCard card = hydration.talentCard(talentIds.get(i), at + ".talentIds[" + i + "]");
			if (card != null) {
				talent.add(card);
			}
		}
		return new Element(fields.id(), checked.type(), index, hydratedText, images, titles, talent);
	}

	/**
	 * An asset as a CDN image with its responsive renditions.
	 * @param assetId the asset's id
	 * @param asset its fields
	 * @return the hydrated image
	 */
	public Image image(String assetId, AssetFields asset) {
		return this.images.image(assetId, asset);
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * What one rendering stamps on the page.
	 *
	 * @param contentVersion the page's new content version
	 * @param sourceVersion the CMS version of the page document
	 * @param ingestedAt when the triggering write was accepted
	 * @param traceId the triggering request's trace id
	 */
	public record Context(long contentVersion, long sourceVersion, Instant ingestedAt, String traceId) {
	}

	/**
	 * A rendered page.
	 *
	 * @param page the page
	 * @param dependencies the titles, talent and assets it used (also those it failed to
	 * find)
	 */
	public record Rendered(Page page, Set<Dependency> dependencies) {
	}

}
