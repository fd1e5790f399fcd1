package dev.marquee.ingestion.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a URL-valued field may hold. A browser (or a client that puts the value into an
 * {@code href}) decodes character references and drops tabs, newlines and control
 * characters before it reads a scheme, so {@code java\tscript:} and
 * {@code &#106;avascript:} are {@code javascript:} to it. Values are therefore judged
 * after that same normalisation, and a value that needs it at all is refused: a real URL
 * percent-encodes such characters, and what is stored is exactly what every client will
 * read.
 */
final class SafeUrls {

	private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

	private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

	// Numeric references with any number of leading zeros (&#00000000106;), the semicolon
	// optional as browsers
	// allow; and the named ones that spell URL syntax.
	private static final Pattern REFERENCE = Pattern
		.compile("&#(?:[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F])|0*([0-9]{1,7})(?![0-9]));?"
				+ "|&#(?:[xX][0-9a-fA-F]+|[0-9]+);?|&([a-zA-Z]+);");

	private static final Map<String, String> NAMED = Map.of("colon", ":", "tab", "\t", "newline", "\n", "sol", "/",
			"period", ".", "num", "#", "quest", "?", "amp", "&", "percnt", "%", "bsol", "\\");

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

	private SafeUrls() {
	}

	/**
	 * Whether a text field holds a URL: {@code videoUrl}, {@code ctaUrl}, and any other
	 * field whose name ends in {@code url}, {@code href} or {@code link}.
	 * @param name the field's name
	 * @return whether its value must be a web URL
	 */
	static boolean isUrlField(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith("url") || lower.endsWith("href") || lower.endsWith("link");
	}

	/**
	 * Checks a URL-valued field.
	 * @param value the value
	 * @return what is wrong with it, null when it is an absolute http(s) URL
	 */
	static @Nullable String webUrlProblem(String value) {
		String normalised = normalise(value);
		String scheme = scheme(normalised);
		if (scheme == null || !WEB_SCHEMES.contains(scheme)) {
			return "must be an absolute http or https URL" + ((scheme != null) ? ", not " + scheme + ":" : "");
		}
		// A URL needs no character reference (it percent-encodes), and a partial one
		// ("&#x" with no digits) is
		// left undecoded by the normalisation: refuse the form itself, whatever a browser
		// would make of it.
		if (!normalised.equals(value) || value.contains("&#")) {
			return "must not contain whitespace, control characters or character references (percent-encode them)";
		}
		try {
			URI uri = new URI(value);
			if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
				return "must name a host (" + scheme + "://host/...)";
			}
		}
		catch (URISyntaxException ex) {
			return "is not a valid URL: " + ex.getReason();
		}
		return null;
	}

	/**
	 * Whether a rich-text link may stay: an absolute http, https or mailto URL after
	 * normalisation.
	 * @param href the {@code href}, character references already decoded by the HTML
	 * parser
	 * @return whether it is allowed
	 */
	static boolean isAllowedLink(String href) {
		String normalised = normalise(href);
		String scheme = scheme(normalised);
		if (scheme == null || !LINK_SCHEMES.contains(scheme) || !normalised.equals(href.strip())) {
			return false;
		}
		return "mailto".equals(scheme) || normalised.substring(scheme.length() + 1).startsWith("//");
	}

	/**
	 * Checks an asset's {@code file}: a path relative to the CDN base.
	 * @param file the value
	 * @return what is wrong with it, null when it is a plain relative path
	 */
	static @Nullable String assetPathProblem(String file) {
		String normalised = normalise(file);
		if (!normalised.equals(file)) {
			return "must not contain whitespace, control characters or character references (percent-encode them)";
		}
		if (file.indexOf('\\') >= 0) {
			return "must use '/' as separator, not '\\'";
		}
		if (file.startsWith("//")) {
			return "must be a path on the CDN, not a protocol-relative URL (//host/...)";
		}
		int firstSlash = file.indexOf('/');
		int colon = file.indexOf(':');
		if (colon >= 0 && (firstSlash < 0 || colon < firstSlash)) {
			return "must be a path relative to the CDN base, not a URL with a scheme";
		}
		String decoded = percentDecoded(file);
		for (String segment : decoded.split("[/\\\\?#]", -1)) {
			if ("..".equals(segment)) {
				return "must not contain a '..' segment";
			}
		}
		if (decoded.startsWith("//") || decoded.indexOf('\\') >= 0) {
			return "must not encode a protocol-relative URL or a '\\'";
		}
		return null;
	}

	/**
	 * A value as a browser reads it before the scheme: character references decoded, then
	 * every whitespace, control and invisible formatting character removed.
	 * @param value the raw value
	 * @return the normalised value
	 */
	static String normalise(String value) {
		String decoded = value;
		// A reference may spell another (&#38;#106; is &#106;): decode until nothing
		// changes, a few rounds at most.
		for (int round = 0; round < 4; round++) {
			String next = decodeReferences(decoded);
			if (next.equals(decoded)) {
				break;
			}
			decoded = next;
		}
		StringBuilder result = new StringBuilder(decoded.length());
		decoded.codePoints().filter((c) -> !invisible(c)).forEach(result::appendCodePoint);
		return result.toString();
	}

	private static boolean invisible(int c) {
		int type = Character.getType(c);
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
				|| type == Character.FORMAT || c == 0xFFFD;
	}

	private static String decodeReferences(String value) {
		if (value.indexOf('&') < 0) {
			return value;
		}
		Matcher matcher = REFERENCE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group(1) != null || matcher.group(2) != null) {
				int codePoint = (matcher.group(1) != null) ? Integer.parseInt(matcher.group(1), 16)
						: Integer.parseInt(matcher.group(2));
				replacement = (Character.isValidCodePoint(codePoint) && codePoint != 0) ? Character.toString(codePoint)
						: "\uFFFD";
			}
			else if (matcher.group(3) != null) {
				replacement = NAMED.getOrDefault(matcher.group(3).toLowerCase(Locale.ROOT), matcher.group());
			}
			else {
				// Too many digits for any character: a browser reads U+FFFD.
				replacement = "\uFFFD";
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static @Nullable String scheme(String normalised) {
		Matcher matcher = SCHEME.matcher(normalised);
		return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
	}

	private static String percentDecoded(String value) {
		try {
			return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A stray '%': keep the text as it is, the segments are still checked.
			return value;
		}
	}

}
