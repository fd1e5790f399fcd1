package dev.marquee.model.writelog;

/**
 * What the hollow-producer and every follower of its write log agree on.
 *
 * <p>
 * Offsets start at {@value #FIRST_OFFSET} and increase by one per appended change,
 * without gaps. A Hollow state records the highest offset it contains in the header tag
 * {@value #STATE_OFFSET_TAG}; a state without the tag contains no log entry
 * ({@value #NO_OFFSET}).
 */
public final class WriteLog {

	/** The offset of the first entry a log ever holds. */
	public static final long FIRST_OFFSET = 1;

	/** The offset "before every entry": what a state without log entries contains. */
	public static final long NO_OFFSET = 0;

	/**
	 * Hollow header tag on every announced state: the highest log offset the state
	 * contains.
	 */
	public static final String STATE_OFFSET_TAG = "marquee.log.offset";

	/**
	 * Hollow header tag on every announced state: the id of the log its offsets belong
	 * to.
	 */
	public static final String LOG_ID_TAG = "marquee.log.id";

	/** {@code GET /v1/log} path. */
	public static final String PATH = "/v1/log";

	/**
	 * Problem type (RFC 9457) of a {@code GET /v1/log} whose {@code after} lies before
	 * the oldest entry kept: status 410; the caller loads the latest announced state and
	 * follows the log from that state's offset.
	 */
	public static final String TRUNCATED_PROBLEM_TYPE = "https://marquee.dev/problems/log-truncated";

	private WriteLog() {
	}

}
