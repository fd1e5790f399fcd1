package dev.marquee.hollowproducer.write;

/**
 * A write request that can never be applied (answered 400).
 */
public class InvalidWriteException extends RuntimeException {

	InvalidWriteException(String message) {
		super(message);
	}

}
