/**
 * HTTP Basic users, the password encoder and problem+json 401/403, the same on every
 * service.
 */
@NullMarked
package dev.marquee.support.security;

import org.jspecify.annotations.NullMarked;
