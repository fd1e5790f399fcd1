/**
 * The write path: last-write-wins page changes batched into cycles of Hollow's incremental producer, answered
 * once their state is published and announced; restore on start, cycle metrics and health.
 */
@NullMarked
package dev.marquee.hollowproducer.write;

import org.jspecify.annotations.NullMarked;
