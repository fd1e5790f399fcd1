package dev.marquee.hollowproducer.blob;

/**
 * No blob matches a request (answered 404; consumers then fall back to a snapshot).
 */
public final class BlobNotFound extends RuntimeException {

	BlobNotFound() {
		super("no such blob", null, false, false);
	}

}
