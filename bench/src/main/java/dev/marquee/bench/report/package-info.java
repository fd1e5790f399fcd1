/**
 * Results as a terminal table, JSON, Markdown and a PNG chart in a timestamped folder,
 * and a progress bar.
 */
@NullMarked
package dev.marquee.bench.report;

import org.jspecify.annotations.NullMarked;
