/**
 * Marquee content in its native webhook format, generated deterministically: the shipped
 * sample and synthetic datasets of any size, for the bench, the tests and the sample
 * files.
 */
@NullMarked
package dev.marquee.sample;

import org.jspecify.annotations.NullMarked;
