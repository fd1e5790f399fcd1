/**
 * The benchmark command line: one scenario per command, each measuring a running Marquee
 * platform from outside.
 */
@NullMarked
package dev.marquee.bench;

import org.jspecify.annotations.NullMarked;
