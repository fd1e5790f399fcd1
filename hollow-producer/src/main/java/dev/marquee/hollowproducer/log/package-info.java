/**
 * The durable write log: segment files of length- and checksum-framed page changes,
 * group-committed, recovered and truncated behind announced states, and served to
 * followers by {@code GET /v1/log}.
 */
@NullMarked
package dev.marquee.hollowproducer.log;

import org.jspecify.annotations.NullMarked;
