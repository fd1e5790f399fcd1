package dev.marquee.page.source;

import java.time.Duration;

import dev.marquee.model.ReadPath;

/**
 * A read path did not catch up with a consistency token within the preview's maximum
 * wait.
 */
public class PathBehindException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ReadPath path;

	private final Lag lag;

	private final Duration waited;

	public PathBehindException(ReadPath path, Lag lag, Duration waited) {
		super("read path " + path + " is behind the consistency token by " + lag.behindBy() + " " + lag.unit()
				+ " after waiting " + waited.toMillis() + " ms (at " + lag.current() + ", needs " + lag.required()
				+ ")");
		this.path = path;
		this.lag = lag;
		this.waited = waited;
	}

	/**
	 * @return the path that is behind
	 */
	public ReadPath path() {
		return this.path;
	}

	/**
	 * @return by how much
	 */
	public Lag lag() {
		return this.lag;
	}

	/**
	 * @return how long the request waited
	 */
	public Duration waited() {
		return this.waited;
	}

}
