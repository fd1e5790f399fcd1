package dev.marquee.ingestion.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans RICH_TEXT with an allow-list policy (OWASP java-html-sanitizer): a small set of
 * text elements and links, nothing else. Whatever is not allowed is dropped (its text
 * kept, except that of {@code script} and {@code style}), so there is no list of
 * dangerous things to keep complete: no {@code style}, no forms, no
 * {@code base}/{@code meta}/{@code link}, no event handlers, no other attributes.
 * Character references are decoded before a URL is judged, so
 * {@code &#00000000106;avascript:} is {@code javascript:} and is refused.
 * <p>
 * Text is left as written: the library encodes every {@code =}, {@code @}, {@code +},
 * quote and backtick as a numeric reference (safe everywhere, but {@code onion&#61;good}
 * is not what the editor wrote), and those characters mean nothing outside a tag, so they
 * are given back in text. Only {@code <}, {@code >} and {@code &} stay encoded there, and
 * two opening braces keep the empty comment the library puts between them, which stops a
 * client-side template engine from evaluating text.
 */
final class RichTextSanitizer {

	/** The elements RICH_TEXT may contain: text structure and emphasis, and links. */
	static final String[] ELEMENTS = { "p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "ul", "ol", "li",
			"blockquote", "h2", "h3", "h4", "h5", "h6", "code", "pre", "a" };

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder().allowElements(ELEMENTS)
		.allowUrlProtocols("http", "https", "mailto")
		// Absolute links only: a relative or protocol-relative href would point wherever
		// the page is served.
		.allowAttributes("href")
		.matching((element, attribute, value) -> SafeUrls.isAllowedLink(value) ? value : null)
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private static final String REL = "rel=\"noopener noreferrer\"";

	private static final String REL_REORDERED = "rel=\"noreferrer noopener\"";

	private static final Pattern HARMLESS_IN_TEXT = Pattern.compile("&#(34|39|43|61|64|96);");

	private RichTextSanitizer() {
	}

	/**
	 * Cleans one RICH_TEXT value.
	 * @param html what the editor wrote (placeholders already resolved)
	 * @return the allowed part of it, as HTML
	 */
	static String sanitize(String html) {
		return restoreText(POLICY.sanitize(html));
	}

	/**
	 * Gives back, outside tags, the characters the library encoded although text does not
	 * need it. The output is the library's, so a raw {@code <} or {@code >} only ever
	 * delimits a tag.
	 */
	private static String restoreText(String sanitized) {
		StringBuilder result = new StringBuilder(sanitized.length());
		int from = 0;
		while (from < sanitized.length()) {
			int tag = sanitized.indexOf('<', from);
			int textEnd = (tag < 0) ? sanitized.length() : tag;
			Matcher matcher = HARMLESS_IN_TEXT.matcher(sanitized).region(from, textEnd);
			int copied = from;
			while (matcher.find()) {
				result.append(sanitized, copied, matcher.start()).append((char) Integer.parseInt(matcher.group(1)));
				copied = matcher.end();
			}
			result.append(sanitized, copied, textEnd);
			if (tag < 0) {
				break;
			}
			int tagEnd = sanitized.indexOf('>', tag);
			tagEnd = (tagEnd < 0) ? sanitized.length() : tagEnd + 1;
			// The library writes the required rels in no fixed order; one spelling keeps
			// pages byte-stable.
			result.append(sanitized.substring(tag, tagEnd).replace(REL_REORDERED, REL));
			from = tagEnd;
		}
		return result.toString();
	}

}
