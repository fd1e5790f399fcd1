/**
 * The page API: public published pages, authenticated previews with read-after-write,
 * listings, status, and the problem+json answers of every error.
 */
@NullMarked
package dev.marquee.page.pages;

import org.jspecify.annotations.NullMarked;
