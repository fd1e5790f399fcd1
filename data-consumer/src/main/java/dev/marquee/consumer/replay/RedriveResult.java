package dev.marquee.consumer.replay;

import java.util.Map;

/**
 * What a re-drive of the dead-letter topic did.
 *
 * @param redriven records published back onto the page-change topic
 * @param byPartition dead-letter partition → records re-driven from it
 */
public record RedriveResult(long redriven, Map<Integer, Long> byPartition) {
}
