/**
 * Marquee's native webhook contract, shared by the ingestion service that verifies it and
 * every client that signs.
 */
@NullMarked
package dev.marquee.model.webhook;

import org.jspecify.annotations.NullMarked;
