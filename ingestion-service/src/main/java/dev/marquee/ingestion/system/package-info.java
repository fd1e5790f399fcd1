/**
 * Cross-cutting web concerns: security, problem+json errors and the startup report of local defaults.
 */
@NullMarked
package dev.marquee.ingestion.system;

import org.jspecify.annotations.NullMarked;
