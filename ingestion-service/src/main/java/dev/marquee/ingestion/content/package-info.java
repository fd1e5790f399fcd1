/**
 * The content vocabulary every layer speaks: content types, actions, native document
 * fields and the changes and states built from them; it imports nothing else of the
 * service.
 */
@NullMarked
package dev.marquee.ingestion.content;

import org.jspecify.annotations.NullMarked;
