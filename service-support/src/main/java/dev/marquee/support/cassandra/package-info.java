/**
 * Cassandra driver tuning every service that uses Cassandra shares.
 */
@NullMarked
package dev.marquee.support.cassandra;

import org.jspecify.annotations.NullMarked;
