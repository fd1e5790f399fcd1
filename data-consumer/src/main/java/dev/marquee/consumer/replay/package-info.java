/**
 * Admin operations that read a topic again: rebuilding the read tables and re-driving
 * dead letters.
 */
@NullMarked
package dev.marquee.consumer.replay;

import org.jspecify.annotations.NullMarked;
