/**
 * One way for all four services to trace (W3C traceparent, trace ids in logs), expose
 * metrics and report health.
 */
@NullMarked
package dev.marquee.support.observability;

import org.jspecify.annotations.NullMarked;
