/**
 * Ingestion's access rules (webhooks open, each checked by its signature; ADMIN for admin
 * and actuator) and its webhook secrets' local defaults.
 */
@NullMarked
package dev.marquee.ingestion.security;

import org.jspecify.annotations.NullMarked;
