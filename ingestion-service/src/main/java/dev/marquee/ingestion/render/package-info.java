/**
 * Page templates, validation and hydration of CMS documents into read-optimized pages.
 */
@NullMarked
package dev.marquee.ingestion.render;

import org.jspecify.annotations.NullMarked;
