/**
 * Propagation latency (edit accepted by ingestion → readable on a path), per read path,
 * as Micrometer timers, HdrHistogram percentiles and a log of recent edits, for the
 * dashboard and the benchmark.
 */
@NullMarked
package dev.marquee.page.propagation;

import org.jspecify.annotations.NullMarked;
