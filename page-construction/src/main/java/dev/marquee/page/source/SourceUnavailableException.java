package dev.marquee.page.source;

import dev.marquee.model.ReadPath;

/**
 * A read path's store cannot be reached (e.g. Cassandra is down); answered with 503 so
 * clients retry.
 */
public class SourceUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ReadPath path;

	public SourceUnavailableException(ReadPath path, String message, Throwable cause) {
		super(message, cause);
		this.path = path;
	}

	/**
	 * @return the path whose store is down
	 */
	public ReadPath path() {
		return this.path;
	}

}
