/**
 * JSON encoding of the shared model, identical in every service.
 */
@NullMarked
package dev.marquee.model.json;

import org.jspecify.annotations.NullMarked;
