package dev.marquee.page.pages;

import java.util.List;

import dev.marquee.page.source.PageSummary;

/**
 * One page of the published-page listing.
 *
 * @param items the pages on this page of results, by slug
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param total how many published pages there are
 */
record PageListResponse(List<PageSummary> items, int page, int size, long total) {
}
