package dev.marquee.hollowproducer.write;

/**
 * A write could not be made durable now (queue full, disk write failed, stopping):
 * answered 503 so the caller retries.
 */
public class WriteUnavailableException extends RuntimeException {

	WriteUnavailableException(String message) {
		super(message);
	}

}
