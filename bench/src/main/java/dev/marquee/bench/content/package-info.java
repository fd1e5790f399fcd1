/**
 * Signs the synthetic deliveries (sample-content's {@code DatasetGenerator}) as Marquee
 * native webhooks.
 */
@NullMarked
package dev.marquee.bench.content;

import org.jspecify.annotations.NullMarked;
