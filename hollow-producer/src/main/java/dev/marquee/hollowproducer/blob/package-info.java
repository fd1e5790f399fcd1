/**
 * The filesystem blob store: durable publishing of snapshots, deltas and reverse deltas,
 * the announced version, cleanup, the single-producer lock, and the HTTP endpoints that
 * serve them.
 */
@NullMarked
package dev.marquee.hollowproducer.blob;

import org.jspecify.annotations.NullMarked;
