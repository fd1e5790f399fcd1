/**
 * The read-path abstraction page construction builds pages from, and the bounded wait
 * that gives previews read-after-write consistency on either path.
 */
@NullMarked
package dev.marquee.page.source;

import org.jspecify.annotations.NullMarked;
