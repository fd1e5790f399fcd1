/**
 * The producer's access rules: SERVICE for writes, blobs and announcements, ADMIN for the
 * actuator.
 */
@NullMarked
package dev.marquee.hollowproducer.security;

import org.jspecify.annotations.NullMarked;
