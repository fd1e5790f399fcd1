package dev.marquee.hollowproducer.write;

/**
 * A write could not be made durable now (queue full, cycle failed, timed out, stopping): answered 503 so the
 * caller retries.
 */
public class WriteUnavailableException extends RuntimeException {

	WriteUnavailableException(String message) {
		super(message);
	}

}
