package dev.marquee.hollowproducer.log;

/**
 * A read after an offset beyond the log's head: the caller follows another log or made a
 * mistake (400).
 */
public class UnknownOffsetException extends RuntimeException {

	UnknownOffsetException(String message) {
		super(message);
	}

}
