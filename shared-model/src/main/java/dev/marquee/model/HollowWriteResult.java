package dev.marquee.model;

/**
 * The hollow-producer's answer to a write, sent only once the state that contains it is published.
 *
 * @param version the Hollow state version that contains the write (a consumer at this version or later sees
 * it)
 * @param applied how many changes changed the state
 * @param ignored how many were older than, or the same as, what the state already held
 */
public record HollowWriteResult(long version, int applied, int ignored) {
}
