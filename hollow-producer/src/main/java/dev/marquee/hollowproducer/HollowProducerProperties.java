package dev.marquee.hollowproducer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the hollow-producer.
 *
 * @param hollow the producer, its write log and its blob store
 */
@ConfigurationProperties("marquee")
public record HollowProducerProperties(@DefaultValue Hollow hollow) {

	/**
	 * Producer, write-log and blob-store settings.
	 *
	 * @param blobDir where snapshots, deltas, reverse deltas, headers, the announced
	 * version and the single-producer lock live
	 * @param numStatesBetweenSnapshots how many states are published as deltas only
	 * between two snapshots
	 * @param snapshotsToKeep how many snapshots (and the deltas after the oldest of them)
	 * the cleaner keeps
	 * @param cycleInterval how long after the previous cycle began the next one folds the
	 * log entries appended since (a write never waits for it: it is answered once its log
	 * entry is durable)
	 * @param cycleMaxPending how many unfolded log entries start a cycle before the
	 * interval has passed
	 * @param cycleDuty the largest share of wall time the cycle thread spends in cycles:
	 * a cycle costs time in proportion to the whole state (Hollow compacts and re-indexes
	 * every type each cycle), so after a cycle of D the next starts no earlier than D /
	 * duty after it began, neither at the interval nor at cycle-max-pending entries. The
	 * overlay keeps such waits invisible to readers; under load, more changes share one
	 * cycle instead of cycles taking the cores. 1 (the default) never holds a cycle back
	 * beyond its own end: plain-Hollow readers (overlay off) see each state as soon as it
	 * can be made
	 * @param cycleMaxPause the longest the duty bound holds the next cycle back after the
	 * previous one ended: the first cycles after a start run on a cold JIT and can take
	 * many seconds, which must not stall the states (and plain-Hollow readers) for
	 * minutes
	 * @param maxQueuedWrites how many write requests may wait for the log's appender
	 * before new ones are refused (503)
	 * @param maxAwait the longest long-poll of {@code /v1/announcements/await} and
	 * {@code /v1/log}
	 * @param integrityCheck whether each cycle verifies that its delta and reverse delta
	 * reproduce the snapshot's checksum before announcing (Hollow's default, off here: it
	 * costs time proportional to the state's size and roughly doubled the cycle in our
	 * measurements)
	 * @param log the durable write log
	 */
	public record Hollow(@DefaultValue(".marquee/data/hollow-producer/blobs") Path blobDir,
			@DefaultValue("50") int numStatesBetweenSnapshots, @DefaultValue("3") int snapshotsToKeep,
			@DefaultValue("1s") Duration cycleInterval, @DefaultValue("1000") int cycleMaxPending,
			@DefaultValue("1") double cycleDuty, @DefaultValue("5s") Duration cycleMaxPause,
			@DefaultValue("10000") int maxQueuedWrites, @DefaultValue("60s") Duration maxAwait,
			@DefaultValue("false") boolean integrityCheck, @DefaultValue Log log) {

		public Hollow {
			if (snapshotsToKeep < 1) {
				throw new IllegalArgumentException("marquee.hollow.snapshots-to-keep must be at least 1");
			}
			if (numStatesBetweenSnapshots < 0 || cycleMaxPending < 1 || maxQueuedWrites < 1
					|| cycleInterval.isNegative() || cycleInterval.isZero()) {
				throw new IllegalArgumentException(
						"marquee.hollow cycle, queue and snapshot settings must be positive");
			}
			if (cycleMaxPause.isNegative()) {
				throw new IllegalArgumentException("marquee.hollow.cycle-max-pause must not be negative");
			}
			if (!(cycleDuty > 0 && cycleDuty <= 1)) {
				throw new IllegalArgumentException("marquee.hollow.cycle-duty must be in (0, 1], was " + cycleDuty);
			}
		}

	}

	/**
	 * The durable write log: segment files on the local disk (its durability is that one
	 * disk's).
	 *
	 * @param dir where the segments, the log id and the log's lock live
	 * @param segmentSize the size after which appends go to a new segment; only whole
	 * segments are deleted once an announced state contains all their entries, so this
	 * bounds what is kept beyond that state
	 * @param maxBatchEntries the most entries one {@code GET /v1/log} answer carries
	 * @param maxBatchSize the most change JSON one {@code GET /v1/log} answer carries (at
	 * least one entry)
	 */
	public record Log(@DefaultValue(".marquee/data/hollow-producer/write-log") Path dir,
			@DefaultValue("16MB") DataSize segmentSize, @DefaultValue("1000") int maxBatchEntries,
			@DefaultValue("8MB") DataSize maxBatchSize) {

		public Log {
			if (segmentSize.toBytes() < 1 || maxBatchEntries < 1 || maxBatchSize.toBytes() < 1) {
				throw new IllegalArgumentException("marquee.hollow.log sizes must be positive");
			}
		}

	}

}
