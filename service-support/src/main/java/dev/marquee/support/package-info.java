/**
 * Spring code every Marquee service shares, auto-configured so that each service keeps
 * only what is its own.
 */
@NullMarked
package dev.marquee.support;

import org.jspecify.annotations.NullMarked;
