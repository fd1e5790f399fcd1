package dev.marquee.ingestion.content;

/**
 * A document a page's rendering used: when it changes, the page is rendered again.
 *
 * @param type its type
 * @param id its id
 */
public record Dependency(ContentType type, String id) {
}
