package dev.marquee.hollowproducer.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The write log on real files: recovery, torn tails, truncation behind announced states,
 * capped reads and the long-poll.
 */
class DurableWriteLogTests {

	private static final StateMark EMPTY = new StateMark(-1, 0);

	@TempDir
	Path dir;

	@Test
	void entriesSurviveAReopenWithTheirOffsetsAndTheLogId() throws IOException {
		String id;
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			assertThat(log.created()).isTrue();
			assertThat(log.head()).isZero();
			log.append(records(1, 3));
			log.append(records(4, 5));
			id = log.logId();
		}
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			assertThat(log.created()).isFalse();
			assertThat(log.logId()).isEqualTo(id);
			assertThat(log.head()).isEqualTo(5);
			assertThat(log.entriesAfter(2)).extracting(LogRecord::offset).containsExactly(3L, 4L, 5L);
			assertThat(new String(log.entriesAfter(4).get(0).json(), StandardCharsets.UTF_8)).isEqualTo(json(5));
			log.append(records(6, 6));
			assertThat(log.head()).isEqualTo(6);
		}
	}

	@Test
	void appendsOnlyTheNextOffsets() throws IOException {
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			log.append(records(1, 2));
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> log.append(records(4, 4)));
			assertThat(log.head()).isEqualTo(2);
		}
	}

	@Test
	void aTornTailIsDroppedOnOpenAndTheLogContinuesAfterTheLastWholeRecord() throws IOException {
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			log.append(records(1, 3));
		}
		Path segment = onlySegment();
		long whole = Files.size(segment);
		// a record cut short: its header promises more bytes than were written
		try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
			channel.write(ByteBuffer.allocate(20).putInt(500).putInt(42).putLong(4).putInt(7).flip());
		}
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			assertThat(log.head()).isEqualTo(3);
			assertThat(Files.size(segment)).isEqualTo(whole);
			log.append(records(4, 4));
		}
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			assertThat(log.head()).isEqualTo(4);
			assertThat(log.entriesAfter(0)).extracting(LogRecord::offset).containsExactly(1L, 2L, 3L, 4L);
		}
	}

	@Test
	void aRecordFailingItsChecksumEndsTheLog() throws IOException {
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			log.append(records(1, 3));
		}
		Path segment = onlySegment();
		try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
			// flip a byte of the last record's JSON
			channel.write(ByteBuffer.wrap(new byte[] { 'X' }), Files.size(segment) - 2);
		}
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			assertThat(log.head()).isEqualTo(2);
		}
	}

	@Test
	void aNewLogContinuesAfterTheStateOffsetAndALogBehindTheStateIsRefused() throws IOException {
		try (DurableWriteLog log = open(new StateMark(7, 41), 1 << 20)) {
			assertThat(log.head()).isEqualTo(41);
			assertThat(log.firstOffset()).isEqualTo(42);
			assertThat(log.read(41, 10, 1000).records()).isEmpty();
			assertThatExceptionOfType(LogTruncatedException.class).isThrownBy(() -> log.read(40, 10, 1000));
			log.append(records(42, 43));
		}
		assertThatIllegalStateException().isThrownBy(() -> open(new StateMark(9, 50), 1 << 20))
			.withMessageContaining("ends at offset 43");
	}

	@Test
	void onlyWholeSegmentsAStateContainsAreTruncatedNeverTheActiveOne() throws IOException {
		try (DurableWriteLog log = open(EMPTY, 1)) {
			// a segment of one byte: every append after the first starts a new segment
			for (long offset = 1; offset <= 5; offset++) {
				log.append(records(offset, offset));
			}
			assertThat(segments()).hasSize(5);
			log.stateAnnounced(3, 3);
			assertThat(log.firstOffset()).isEqualTo(4);
			assertThat(segments()).hasSize(2);
			assertThat(log.truncatedSegments()).isEqualTo(3);
			assertThat(log.read(3, 10, 1 << 20).records()).extracting(LogRecord::offset).containsExactly(4L, 5L);
			LogTruncatedException truncated = org.junit.jupiter.api.Assertions.assertThrows(LogTruncatedException.class,
					() -> log.read(2, 10, 1 << 20));
			assertThat(truncated.firstOffset()).isEqualTo(4);
			assertThat(truncated.state()).isEqualTo(new StateMark(3, 3));

			log.stateAnnounced(4, 5);
			assertThat(segments()).as("the active segment stays").hasSize(1);
			assertThat(log.firstOffset()).isEqualTo(5);
		}
		try (DurableWriteLog log = open(new StateMark(4, 5), 1)) {
			assertThat(log.firstOffset()).isEqualTo(5);
			assertThat(log.head()).isEqualTo(5);
		}
	}

	@Test
	void readsAreGaplessAndCappedByEntriesAndBytes() throws IOException {
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			log.append(records(1, 10));
			assertThat(log.read(2, 3, 1 << 20).records()).extracting(LogRecord::offset).containsExactly(3L, 4L, 5L);
			int oneEntry = json(1).length();
			assertThat(log.read(0, 100, 2L * oneEntry).records()).hasSize(2);
			assertThat(log.read(0, 100, 1).records()).as("at least one entry").hasSize(1);
			DurableWriteLog.Batch atHead = log.read(10, 100, 1 << 20);
			assertThat(atHead.records()).isEmpty();
			assertThat(atHead.head()).isEqualTo(10);
			assertThatExceptionOfType(UnknownOffsetException.class).isThrownBy(() -> log.read(11, 100, 1 << 20));
		}
	}

	@Test
	void aLongPollWakesUpOnTheNextDurableAppendAndTimesOutOtherwise() throws Exception {
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			log.append(records(1, 1));
			assertThat(log.awaitAfter(0, Duration.ofMinutes(1))).isDone();
			CompletableFuture<Void> timesOut = log.awaitAfter(1, Duration.ofMillis(50));
			timesOut.get(10, java.util.concurrent.TimeUnit.SECONDS);
			CompletableFuture<Void> waiting = log.awaitAfter(1, Duration.ofMinutes(1));
			assertThat(waiting).isNotDone();
			log.append(records(2, 2));
			waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(log.read(1, 10, 1 << 20).records()).extracting(LogRecord::offset).containsExactly(2L);
		}
	}

	@Test
	void aFailedForceRollsTheBatchBackSoTheOffsetsAreReused() throws IOException {
		boolean[] fail = { true };
		try (DurableWriteLog log = DurableWriteLog.open(this.dir, EMPTY, 1 << 20, (channel) -> {
			if (fail[0]) {
				// one failure: the rollback's force succeeds
				fail[0] = false;
				throw new IOException("disk full");
			}
			channel.force(false);
		})) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> log.append(records(1, 2)));
			assertThat(log.head()).isZero();
			assertThat(log.read(0, 10, 1 << 20).records()).isEmpty();
			log.append(records(1, 1));
		}
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			assertThat(log.entriesAfter(0)).extracting(LogRecord::offset).containsExactly(1L);
		}
	}

	@Test
	void aFailedRollbackRefusesEveryLaterAppendUntilReopened() throws IOException {
		try (DurableWriteLog log = DurableWriteLog.open(this.dir, EMPTY, 1 << 20, (channel) -> {
			throw new IOException("disk gone");
		})) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> log.append(records(1, 1)));
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> log.append(records(1, 1)))
				.withMessageContaining("restart");
		}
		try (DurableWriteLog log = open(EMPTY, 1 << 20)) {
			log.append(records(1, 1));
			assertThat(log.head()).isEqualTo(1);
		}
	}

	private DurableWriteLog open(StateMark state, long segmentBytes) {
		return DurableWriteLog.open(this.dir, state, segmentBytes, DurableWriteLog.Durability.FORCE);
	}

	private Path onlySegment() throws IOException {
		List<Path> segments = segments();
		assertThat(segments).hasSize(1);
		return segments.get(0);
	}

	private List<Path> segments() throws IOException {
		try (var files = Files.list(this.dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(DurableWriteLog.SEGMENT_SUFFIX))
				.sorted()
				.toList();
		}
	}

	private static List<LogRecord> records(long from, long to) {
		return LongStream.rangeClosed(from, to)
			.mapToObj((offset) -> new LogRecord(offset, json(offset).getBytes(StandardCharsets.UTF_8)))
			.toList();
	}

	private static String json(long offset) {
		return "{\"change\":" + offset + "}";
	}

}
