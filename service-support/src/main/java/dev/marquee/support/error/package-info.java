/**
 * The servlet container's error page as an RFC 9457 problem, the same on every service.
 */
@NullMarked
package dev.marquee.support.error;

import org.jspecify.annotations.NullMarked;
