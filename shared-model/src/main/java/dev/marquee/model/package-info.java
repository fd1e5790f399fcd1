/**
 * The contract between Marquee's services: the read-optimized content model, the change
 * event every write path carries, consistency tokens and the names every service agrees
 * on.
 */
@NullMarked
package dev.marquee.model;

import org.jspecify.annotations.NullMarked;
