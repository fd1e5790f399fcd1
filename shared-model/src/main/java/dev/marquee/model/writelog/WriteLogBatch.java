package dev.marquee.model.writelog;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/log?after=OFFSET&timeoutMs=T}: the durable entries after
 * {@code OFFSET}, in offset order and without gaps (empty when none arrived within the
 * timeout), and where the log stands.
 *
 * @param logId identifies the log the offsets belong to; a follower that sees another id
 * than before (the producer's data was replaced) resynchronises from the latest state
 * instead of trusting its offsets
 * @param entries the entries with offsets {@code after + 1}, {@code after + 2}, ...
 * @param head the highest durable offset of the log when the answer was made
 * @param stateOffset the highest offset contained in the latest announced Hollow state
 * @param stateVersion the latest announced Hollow state version (-1 before the first)
 */
public record WriteLogBatch(String logId, List<WriteLogEntry> entries, long head, long stateOffset, long stateVersion) {

	public WriteLogBatch {
		Objects.requireNonNull(logId, "logId");
		entries = List.copyOf(entries);
	}

}
