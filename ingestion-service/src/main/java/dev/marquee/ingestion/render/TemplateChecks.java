package dev.marquee.ingestion.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.Documents.ElementFields;
import dev.marquee.ingestion.content.Documents.PageFields;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.render.Template.ElementRule;
import dev.marquee.ingestion.render.Template.Range;
import dev.marquee.model.ElementType;

/**
 * What a page's template demands of it before anything is hydrated: a known template, a
 * usable slug and title, the page fields it requires and their lengths, the number of
 * elements, and per element an allowed type, its required and allowed text fields, plain
 * text outside RICH_TEXT, web URLs in URL fields and the number of references.
 */
final class TemplateChecks {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[-/][a-z0-9]+)*");

	private static final int MAX_ID_LENGTH = IncomingChange.MAX_ID_LENGTH;

	private TemplateChecks() {
	}

	/**
	 * The page's template, and the checks of its slug and title.
	 * @return the template, null when the page names none or an unknown one (then nothing
	 * else can be checked)
	 */
	static @Nullable Template template(Templates templates, PageFields fields, List<Violation> violations) {
		Template template = null;
		if (blank(fields.template())) {
			violations.add(Violation.template("template", "is required; one of " + templates.all().keySet()));
		}
		else {
			template = templates.find(fields.template()).orElse(null);
			if (template == null) {
				violations.add(Violation.template("template",
						"unknown template '" + fields.template() + "'; one of " + templates.all().keySet()));
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
		return template;
	}

	/**
	 * The page fields the template requires, their lengths, plain text, and the number of
	 * elements.
	 */
	static void page(Template template, PageFields fields, List<Violation> violations) {
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
				violations
					.add(Violation.template(field, "must be at most " + max + " characters, is " + value.length()));
			}
		});
		values.forEach((field, value) -> PlainText.check(field, value, violations));
		List<ElementFields> elements = fields.elementsOrEmpty();
		if (!template.elements().contains(elements.size())) {
			violations.add(Violation.template("elements", "must have between " + template.elements().min() + " and "
					+ template.elements().max() + " elements, has " + elements.size()));
		}
	}

	/**
	 * Checks one element against its template.
	 * @param counts how many elements of each type the page had so far, updated
	 * @param ids the element ids the page had so far, updated
	 * @return the element's type and its text without cleared (null) fields; null when it
	 * broke a rule, so it is not hydrated
	 */
	static @Nullable CheckedElement element(Template template, ElementFields fields, int index,
			Map<ElementType, Integer> counts, Set<String> ids, List<Violation> violations) {
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
			violations.add(Violation.template(at + ".type", "template " + template.name() + " does not allow " + type
					+ "; allowed: " + template.allowed().keySet()));
			return null;
		}
		int count = counts.merge(type, 1, Integer::sum);
		if (rule.maxCount() != null && count == rule.maxCount() + 1) {
			violations.add(Violation.template(at + ".type",
					"template " + template.name() + " allows at most " + rule.maxCount() + " " + type));
		}
		// CMSs send null for a cleared optional field: that is the same as leaving it
		// out.
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
				PlainText.check(at + ".text." + entry.getKey(), entry.getValue(), violations);
			}
			url(at + ".text." + entry.getKey(), entry.getKey(), entry.getValue(), violations);
		}
		references(at + ".assetIds", fields.assetIdsOrEmpty(), rule.images(), "images", violations);
		references(at + ".titleIds", fields.titleIdsOrEmpty(), rule.titles(), "titles", violations);
		references(at + ".talentIds", fields.talentIdsOrEmpty(), rule.talent(), "talent", violations);
		return (violations.size() > before) ? null : new CheckedElement(type, text);
	}

	/**
	 * A URL-valued text field ({@code videoUrl}, {@code ctaUrl}, …) holds an absolute
	 * http(s) URL only.
	 */
	static void url(String field, String name, @Nullable String value, List<Violation> violations) {
		if (value != null && SafeUrls.isUrlField(name)) {
			String problem = SafeUrls.webUrlProblem(value);
			if (problem != null) {
				violations.add(Violation.template(field, problem));
			}
		}
	}

	private static void references(String field, List<String> ids, Range range, String what,
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

	/**
	 * An element that passed its template's checks.
	 *
	 * @param type its type
	 * @param text its text fields, cleared ones left out
	 */
	record CheckedElement(ElementType type, Map<String, String> text) {
	}

}
