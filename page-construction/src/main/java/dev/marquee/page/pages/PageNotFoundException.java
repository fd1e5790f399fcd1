package dev.marquee.page.pages;

import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;

/**
 * No page with this slug on the read path asked.
 */
class PageNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ReadPath path;

	PageNotFoundException(String slug, Stage stage, ReadPath path) {
		super("no " + stage.name().toLowerCase(java.util.Locale.ROOT) + " page '" + slug + "' on read path " + path);
		this.path = path;
	}

	ReadPath path() {
		return this.path;
	}

}
