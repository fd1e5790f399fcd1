package dev.marquee.model.writelog;

import java.util.Objects;

import dev.marquee.model.PageChanged;

/**
 * One durable entry of the write log.
 *
 * @param offset its offset, see {@link WriteLog}
 * @param change the page change; never older than what the log and the state held for its
 * page stage when it was appended (the writer decides last-write-wins at append time)
 */
public record WriteLogEntry(long offset, PageChanged change) {

	public WriteLogEntry {
		Objects.requireNonNull(change, "change");
		if (offset < WriteLog.FIRST_OFFSET) {
			throw new IllegalArgumentException("log offsets start at " + WriteLog.FIRST_OFFSET + ": " + offset);
		}
	}

}
