/**
 * RFC 9457 problems the same on every service: the type URIs, the shared handlers and the
 * container's error page.
 */
@NullMarked
package dev.marquee.support.problem;

import org.jspecify.annotations.NullMarked;
