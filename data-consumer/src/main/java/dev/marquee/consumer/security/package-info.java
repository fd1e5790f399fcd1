/**
 * The data consumer's access rules: ADMIN for the admin API and the actuator, the rest of
 * security is shared.
 */
@NullMarked
package dev.marquee.consumer.security;

import org.jspecify.annotations.NullMarked;
