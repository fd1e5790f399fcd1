package dev.marquee.ingestion.content;

/**
 * The version of one stage of a document.
 *
 * @param version the CMS version last applied to the stage (for a removal: the version it
 * records)
 * @param removed whether that was a removal
 */
public record StageVersion(long version, boolean removed) {
}
