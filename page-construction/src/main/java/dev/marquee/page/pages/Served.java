package dev.marquee.page.pages;

import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;

/**
 * A page and the path that served it.
 *
 * @param path the read path
 * @param page the page
 */
record Served(ReadPath path, Page page) {
}
