/**
 * Page construction's access rules: public page reads and status, EDITOR previews, ADMIN
 * toggle and actuator.
 */
@NullMarked
package dev.marquee.page.security;

import org.jspecify.annotations.NullMarked;
