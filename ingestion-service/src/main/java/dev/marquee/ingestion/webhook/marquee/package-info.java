/**
 * {@code POST /webhooks/marquee}: Marquee's native webhook format, signed as the shared
 * native contract defines.
 */
@NullMarked
package dev.marquee.ingestion.webhook.marquee;

import org.jspecify.annotations.NullMarked;
