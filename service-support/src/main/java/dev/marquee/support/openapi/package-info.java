/**
 * The OpenAPI conventions every service documents with: title, the HTTP Basic scheme and
 * problem+json responses.
 */
@org.jspecify.annotations.NullMarked
package dev.marquee.support.openapi;
