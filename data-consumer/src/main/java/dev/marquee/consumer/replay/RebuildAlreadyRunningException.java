package dev.marquee.consumer.replay;

/**
 * A rebuild was requested while another is still running.
 */
public class RebuildAlreadyRunningException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	RebuildAlreadyRunningException() {
		super("A rebuild is already running; see GET /admin/rebuild/status");
	}

}
