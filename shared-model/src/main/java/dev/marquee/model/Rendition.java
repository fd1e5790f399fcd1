package dev.marquee.model;

/**
 * One responsive size of an image on the CDN.
 *
 * @param width the rendition's width in pixels
 * @param height the rendition's height in pixels
 * @param url the CDN URL that serves this size
 */
public record Rendition(int width, int height, String url) {
}
