package dev.marquee.hollowproducer.write;

/**
 * A write request body that is not valid JSON or not a valid write (a missing or mistyped
 * field): answered 400 as an unreadable request, as a body the message converters could
 * not read is.
 */
public class UnreadableWriteException extends RuntimeException {

	UnreadableWriteException(String message) {
		super(message);
	}

	UnreadableWriteException(String message, Throwable cause) {
		super(message, cause);
	}

}
