package dev.marquee.hollowproducer.log;

/**
 * A read of entries that the log no longer holds: the caller resynchronises from the
 * latest state (410).
 */
public class LogTruncatedException extends RuntimeException {

	private final long firstOffset;

	private final StateMark state;

	LogTruncatedException(long after, long firstOffset, StateMark state) {
		super("the log keeps the entries from offset " + firstOffset + " on; entries after " + after
				+ " are gone: load the state " + state.version() + " (offset " + state.offset()
				+ ") and follow the log from its offset");
		this.firstOffset = firstOffset;
		this.state = state;
	}

	/**
	 * The oldest offset the log keeps.
	 * @return the offset
	 */
	public long firstOffset() {
		return this.firstOffset;
	}

	/**
	 * The latest announced state.
	 * @return its version and offset
	 */
	public StateMark state() {
		return this.state;
	}

}
