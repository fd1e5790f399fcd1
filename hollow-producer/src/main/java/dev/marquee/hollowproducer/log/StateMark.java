package dev.marquee.hollowproducer.log;

/**
 * The latest announced Hollow state and the highest log offset it contains.
 *
 * @param version the announced version, -1 before the first
 * @param offset the highest offset the state contains, 0 when it contains none
 */
public record StateMark(long version, long offset) {
}
