package dev.marquee.hollowproducer.log;

/**
 * One entry of the log as stored: its offset and the JSON bytes of its page change, kept
 * once and used both for the disk record and for every {@code GET /v1/log} answer.
 *
 * @param offset the offset
 * @param json the change's JSON ({@link dev.marquee.model.PageChanged})
 */
public record LogRecord(long offset, byte[] json) {
}
