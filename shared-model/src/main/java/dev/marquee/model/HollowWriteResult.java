package dev.marquee.model;

/**
 * The hollow-producer's answer to a write, sent once the write's log entries are durable
 * on disk (forced), before any Hollow cycle folds them into a state.
 *
 * @param offset the write-log offset a reader must have applied to see every change of
 * the write, or a newer one: the highest offset appended for the write's applied changes,
 * or, when every change was older than what the producer already held, the log's head at
 * the time (the newer content is at or before it)
 * @param applied how many changes were appended to the log
 * @param ignored how many were older than, or the same as, what the state plus the
 * in-flight log held
 */
public record HollowWriteResult(long offset, int applied, int ignored) {
}
