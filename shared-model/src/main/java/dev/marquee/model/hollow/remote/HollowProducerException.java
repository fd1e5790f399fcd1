package dev.marquee.model.hollow.remote;

/**
 * The hollow-producer could not be reached or answered with an error.
 */
public class HollowProducerException extends RuntimeException {

	private final int status;

	/**
	 * An error answer or a failed call.
	 * @param message what went wrong
	 * @param status the HTTP status, or 0 when there was no answer
	 * @param cause the cause, if any
	 */
	public HollowProducerException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * An error answer.
	 * @param message what went wrong
	 * @param status the HTTP status
	 */
	public HollowProducerException(String message, int status) {
		super(message);
		this.status = status;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status, or 0 when the producer did not answer
	 */
	public int status() {
		return this.status;
	}

}
