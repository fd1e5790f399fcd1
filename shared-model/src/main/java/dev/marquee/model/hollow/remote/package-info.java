/**
 * JDK-only HTTP client of the hollow-producer's API: blob retrieval and long-poll
 * announcements for Hollow consumers on other hosts, and the write call.
 */
@NullMarked
package dev.marquee.model.hollow.remote;

import org.jspecify.annotations.NullMarked;
