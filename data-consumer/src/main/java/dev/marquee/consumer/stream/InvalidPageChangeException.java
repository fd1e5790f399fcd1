package dev.marquee.consumer.stream;

/**
 * A record that can never be applied, however often it is retried: it goes to the
 * dead-letter topic.
 */
public class InvalidPageChangeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidPageChangeException(String message) {
		super(message);
	}

	public InvalidPageChangeException(String message, Throwable cause) {
		super(message, cause);
	}

}
