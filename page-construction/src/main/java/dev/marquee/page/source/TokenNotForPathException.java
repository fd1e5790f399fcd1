package dev.marquee.page.source;

import dev.marquee.model.ReadPath;

/**
 * A consistency token names no position on the path asked for: the write did not go to
 * it.
 */
public class TokenNotForPathException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ReadPath path;

	public TokenNotForPathException(ReadPath path) {
		super("the consistency token names no position on read path " + path
				+ ": the write was not sent to it; preview with readPath set to a path it went to");
		this.path = path;
	}

	/**
	 * @return the path the token does not cover
	 */
	public ReadPath path() {
		return this.path;
	}

}
