/**
 * HTTP Basic security: public page reads and status, EDITOR previews, ADMIN toggle, problem+json 401/403, and
 * the local default credentials printed at startup.
 */
@NullMarked
package dev.marquee.page.security;

import org.jspecify.annotations.NullMarked;
