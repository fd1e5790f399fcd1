package dev.marquee.page.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;

/**
 * Where pages are read from: one implementation per {@link ReadPath}.
 */
public interface PageSource {

	/**
	 * @return the read path this source implements
	 */
	ReadPath path();

	/**
	 * The path's normal, eventually consistent read (Hollow memory, or the near cache).
	 * @param slug the page's slug
	 * @param stage which copy
	 * @return the page, if the path holds it
	 */
	Optional<Page> find(String slug, Stage stage);

	/**
	 * A read that bypasses every cache, used once the path has caught up with a
	 * consistency token.
	 * @param slug the page's slug
	 * @param stage which copy
	 * @return the page, if the path's store holds it
	 */
	Optional<Page> findFresh(String slug, Stage stage);

	/**
	 * Every page of a stage the path currently serves, by slug.
	 * @param stage which copy
	 * @return summaries ordered by slug
	 */
	List<PageSummary> list(Stage stage);

	/**
	 * How far this path is behind the position a consistency token names.
	 * @param token the token
	 * @return the lag; {@link Lag#caughtUp()} once every write of the token is readable
	 * @throws TokenNotForPathException if the write did not go to this path
	 */
	Lag lag(ConsistencyToken token);

	/** Asks the path to catch up now rather than at its next scheduled refresh. */
	default void nudge() {
	}

	/**
	 * A count that changes whenever the path's position may have moved; see
	 * {@link #awaitProgress}.
	 * @return the current count
	 */
	default long progress() {
		return 0;
	}

	/**
	 * Waits until {@link #progress()} differs from a count seen, so a waiting preview
	 * re-checks its token the moment the path moves rather than after a pause.
	 * @param seen a count from {@link #progress()}
	 * @param timeout the longest wait
	 * @return false when this path cannot signal progress (the caller pauses instead),
	 * else true once it moved or the timeout passed
	 */
	default boolean awaitProgress(long seen, Duration timeout) {
		return false;
	}

	/**
	 * @return what {@code /api/status} shows about this source
	 */
	Map<String, Object> status();

}
