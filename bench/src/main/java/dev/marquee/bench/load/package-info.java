/**
 * Open-loop load at a fixed rate with coordinated omission accounted for, closed-loop
 * maximum throughput, and HdrHistogram latency summaries.
 */
@NullMarked
package dev.marquee.bench.load;

import org.jspecify.annotations.NullMarked;
