/**
 * The hollow-producer's durable write log as its followers see it: entries with gapless
 * offsets, the batches {@code GET /v1/log} answers, and the names both sides agree on.
 */
@NullMarked
package dev.marquee.model.writelog;

import org.jspecify.annotations.NullMarked;
