/**
 * The write model: CMS documents of each content type and the ingestion of one change into rendered, published pages.
 */
@NullMarked
package dev.marquee.ingestion.content;

import org.jspecify.annotations.NullMarked;
