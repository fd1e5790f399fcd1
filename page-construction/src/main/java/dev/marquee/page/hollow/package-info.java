/**
 * The Hollow read path: a Hollow consumer holding every page in memory, refreshed as soon
 * as the hollow-producer announces a version, with a primary-key index on (slug, stage)
 * for O(1) reads, and an in-flight overlay of the producer's write log that reads consult
 * first.
 */
@NullMarked
package dev.marquee.page.hollow;

import org.jspecify.annotations.NullMarked;
