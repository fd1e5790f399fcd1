package dev.marquee.page.source;

/**
 * One entry of a page listing.
 *
 * @param pageId the page id
 * @param slug the slug to fetch it by
 * @param title the page's title
 * @param contentVersion the version served
 */
public record PageSummary(String pageId, String slug, String title, long contentVersion) {
}
