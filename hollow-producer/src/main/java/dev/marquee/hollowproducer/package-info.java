/**
 * The hollow-producer service: turns page writes into batched Hollow producer cycles and
 * serves the resulting blobs and announcements over HTTP.
 */
@NullMarked
package dev.marquee.hollowproducer;

import org.jspecify.annotations.NullMarked;
