package dev.marquee.consumer.replay;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Progress of a rebuild of the read tables from the page-change topic.
 *
 * @param state where the rebuild stands
 * @param truncated whether the content tables were emptied first
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param target records between the earliest offsets and the end offsets taken when it
 * started
 * @param read records read so far
 * @param applied records written so far (newest version or superseded, both count)
 * @param skipped records that are not valid changes (they are in the dead-letter topic
 * already)
 * @param progress read / target, 0 to 1
 * @param endOffsets partition → the end offset the rebuild reads up to
 * @param positions partition → the next offset the rebuild will read
 * @param failure why it failed, if it did
 */
public record RebuildStatus(State state, boolean truncated, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		long target, long read, long applied, long skipped, double progress, Map<Integer, Long> endOffsets,
		Map<Integer, Long> positions, @Nullable String failure) {

	static RebuildStatus idle() {
		return new RebuildStatus(State.IDLE, false, null, null, 0, 0, 0, 0, 0, Map.of(), Map.of(), null);
	}

	/** Where a rebuild stands. */
	public enum State {

		/** No rebuild has run since startup. */
		IDLE,

		/** Replaying the topic. */
		RUNNING,

		/** Every record up to the end offsets was replayed. */
		COMPLETED,

		/** Stopped by an error; see {@link RebuildStatus#failure()}. */
		FAILED

	}

}
