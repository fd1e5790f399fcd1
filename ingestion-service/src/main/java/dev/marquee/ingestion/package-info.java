/**
 * The ingestion service: CMS webhooks in, verified, validated and hydrated pages out to
 * every write path.
 */
@NullMarked
package dev.marquee.ingestion;

import org.jspecify.annotations.NullMarked;
