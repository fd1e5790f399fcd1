/**
 * The startup report of credentials and secrets still at their local defaults, refused by
 * the {@code prod} profile.
 */
@NullMarked
package dev.marquee.support.localdefaults;

import org.jspecify.annotations.NullMarked;
