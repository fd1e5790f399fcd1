/**
 * Cross-cutting web concerns: security, problem+json errors, trace ids and the startup report of local defaults.
 */
@NullMarked
package dev.marquee.ingestion.system;

import org.jspecify.annotations.NullMarked;
