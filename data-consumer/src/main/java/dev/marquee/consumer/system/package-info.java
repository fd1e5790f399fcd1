/**
 * Cross-cutting web concerns: security, problem details and the startup report of local defaults.
 */
@NullMarked
package dev.marquee.consumer.system;

import org.jspecify.annotations.NullMarked;
