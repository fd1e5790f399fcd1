/**
 * The write path: last-write-wins page changes group-committed to the durable write log
 * and answered once forced, background cycles that fold the log into Hollow states,
 * restore and replay on start, metrics and health.
 */
@NullMarked
package dev.marquee.hollowproducer.write;

import org.jspecify.annotations.NullMarked;
