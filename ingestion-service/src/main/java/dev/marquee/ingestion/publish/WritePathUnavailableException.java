package dev.marquee.ingestion.publish;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.IngestionProperties.WritePath;

/**
 * A write path did not durably accept a batch of changes; the caller must retry (every
 * store is last-write-wins by content version, so a retry is harmless).
 */
public class WritePathUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final WritePath path;

	WritePathUnavailableException(WritePath path, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.path = path;
	}

	public WritePath path() {
		return this.path;
	}

}
