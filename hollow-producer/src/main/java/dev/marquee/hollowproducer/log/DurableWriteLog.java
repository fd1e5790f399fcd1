package dev.marquee.hollowproducer.log;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.marquee.hollowproducer.blob.ProducerLock;
import dev.marquee.model.writelog.WriteLog;

/**
 * The write log on local disk: segment files named by their first offset, each a sequence
 * of records
 * {@code length (int) | CRC32C (int) | offset (long) | change JSON (length bytes)}, the
 * checksum covering offset and JSON.
 *
 * <p>
 * One thread appends (group commit: {@link #append} writes a whole batch and forces it
 * once); any thread reads. Every entry the log keeps is also held in memory, so followers
 * are served without touching the disk. On open, a torn tail of the last segment (a
 * record cut short or failing its checksum: it was never forced, so never acknowledged)
 * is cut off. Only whole segments whose entries a durably announced state contains are
 * deleted, never the segment being appended to. The log's durability is the one disk's:
 * there is no replica.
 */
public final class DurableWriteLog implements Closeable {

	static final String ID_FILE = "log.id";

	static final String SEGMENT_SUFFIX = ".log";

	static final int HEADER_BYTES = 16;

	/** No page change comes near this; a larger length is a torn or corrupt record. */
	static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(DurableWriteLog.class);

	private final Path dir;

	private final String logId;

	private final long segmentBytes;

	private final Durability durability;

	private final ConcurrentSkipListMap<Long, LogRecord> entries = new ConcurrentSkipListMap<>();

	/** First offsets of the segments, oldest first; guarded by itself. */
	private final List<Long> segments = new ArrayList<>();

	private final AtomicReference<CompletableFuture<Void>> nextAppend = new AtomicReference<>(
			new CompletableFuture<>());

	private final AtomicLong retainedBytes = new AtomicLong();

	private final AtomicLong truncatedSegments = new AtomicLong();

	private final boolean created;

	private final ProducerLock lock;

	private FileChannel active;

	private volatile long head;

	private volatile long firstOffset;

	private volatile StateMark state;

	private volatile boolean broken;

	private @Nullable Counter truncations;

	private DurableWriteLog(Path dir, long segmentBytes, Durability durability, StateMark state) {
		this.dir = dir.toAbsolutePath().normalize();
		this.segmentBytes = segmentBytes;
		this.durability = durability;
		this.state = state;
		// one writer per log, like the blob store: the OS releases the lock when the
		// process dies
		this.lock = ProducerLock.acquire(this.dir);
		try {
			Path idFile = this.dir.resolve(ID_FILE);
			List<Long> found = listSegments();
			if (!Files.exists(idFile)) {
				if (!found.isEmpty()) {
					throw new IllegalStateException("the write log " + this.dir + " has segments but no " + ID_FILE
							+ ": it is not a log this producer wrote; move it away");
				}
				this.logId = UUID.randomUUID().toString();
				writeDurably(idFile, this.logId.getBytes(StandardCharsets.US_ASCII));
				this.created = true;
				logger.info(
						"Started the write log " + this.logId + " in " + this.dir + " after offset " + state.offset());
			}
			else {
				this.logId = Files.readString(idFile, StandardCharsets.US_ASCII).trim();
				this.created = false;
			}
			if (found.isEmpty()) {
				// a new log, or one that died between writing its id and its first
				// segment
				createSegment(state.offset() + 1);
				found = List.of(state.offset() + 1);
			}
			recover(found);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the write log in " + dir, ex);
		}
	}

	/**
	 * Opens the log in a directory, creating a new one (with a new id, continuing after
	 * the state's offset) when there is none, and recovers it: torn tail cut off, every
	 * kept entry loaded.
	 * @param dir the directory
	 * @param state the announced state the producer restored
	 * @param segmentBytes the size after which appends go to a new segment
	 * @param durability how appended bytes are made durable ({@link Durability#FORCE}
	 * outside tests)
	 * @return the log
	 * @throws IllegalStateException when the log ends before the state's offset (it
	 * belongs to other data)
	 */
	public static DurableWriteLog open(Path dir, StateMark state, long segmentBytes, Durability durability) {
		DurableWriteLog log = new DurableWriteLog(dir, segmentBytes, durability, state);
		if (log.head < state.offset()) {
			log.close();
			throw new IllegalStateException("the write log " + log.logId + " in " + log.dir + " ends at offset "
					+ log.head + " but the announced state contains offsets up to " + state.offset()
					+ ": the log belongs to other data; move it away to start a new log");
		}
		if (log.firstOffset > state.offset() + 1) {
			logger.error("The write log " + log.logId + " starts at offset " + log.firstOffset
					+ " but the announced state only contains offsets up to " + state.offset()
					+ ": the entries in between are lost (were the blobs replaced by older ones?)");
		}
		return log;
	}

	/**
	 * How appended bytes reach the disk; a seam for tests that observe the order of force
	 * and answer.
	 */
	@FunctionalInterface
	public interface Durability {

		/**
		 * {@code FileChannel.force(false)}: the data and the file size, not the
		 * modification time.
		 */
		Durability FORCE = (channel) -> channel.force(false);

		/**
		 * Makes everything written to the channel durable.
		 * @param channel the segment being appended to
		 * @throws IOException when the disk refuses
		 */
		void force(FileChannel channel) throws IOException;

	}

	private List<Long> listSegments() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(SEGMENT_SUFFIX) && name.length() == 20 + SEGMENT_SUFFIX.length())
				.map((name) -> Long.parseLong(name.substring(0, 20)))
				.sorted()
				.toList();
		}
	}

	private Path segmentFile(long first) {
		return this.dir.resolve(String.format("%020d", first) + SEGMENT_SUFFIX);
	}

	private void recover(List<Long> found) throws IOException {
		long expected = -1;
		for (int i = 0; i < found.size(); i++) {
			long first = found.get(i);
			boolean last = i == found.size() - 1;
			if (expected != -1 && first != expected) {
				// a deletion of older segments that did not reach the disk before a
				// crash: those entries were
				// all contained in an announced state, drop them again
				logger.warn("Write log segment " + first + " does not follow offset " + (expected - 1)
						+ "; dropping the " + this.segments.size() + " older segments");
				for (long older : this.segments) {
					Files.deleteIfExists(segmentFile(older));
				}
				this.segments.clear();
				this.entries.clear();
				this.retainedBytes.set(0);
			}
			expected = readSegment(first, last);
			this.segments.add(first);
		}
		this.head = expected - 1;
		this.firstOffset = this.segments.get(0);
		long activeFirst = this.segments.get(this.segments.size() - 1);
		this.active = FileChannel.open(segmentFile(activeFirst), StandardOpenOption.WRITE);
		this.active.position(this.active.size());
		logger.info("Opened the write log " + this.logId + " in " + this.dir + ": offsets " + this.firstOffset + " to "
				+ this.head + " in " + this.segments.size() + " segments");
	}

	/**
	 * Reads a segment into memory.
	 * @return the offset after its last entry
	 */
	private long readSegment(long first, boolean last) throws IOException {
		Path file = segmentFile(first);
		long expected = first;
		long valid = 0;
		String torn = null;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
				DataInputStream data = new DataInputStream(in)) {
			while (true) {
				int length;
				try {
					length = data.readInt();
				}
				catch (EOFException ex) {
					break;
				}
				try {
					int crc = data.readInt();
					long offset = data.readLong();
					if (length < 0 || length > MAX_RECORD_BYTES) {
						torn = "a record length of " + length;
						break;
					}
					byte[] json = new byte[length];
					data.readFully(json);
					if (checksum(offset, json) != crc) {
						torn = "a checksum mismatch at offset " + offset;
						break;
					}
					if (offset != expected) {
						torn = "offset " + offset + " where " + expected + " was expected";
						break;
					}
					this.entries.put(offset, new LogRecord(offset, json));
					this.retainedBytes.addAndGet(length);
					valid += HEADER_BYTES + length;
					expected++;
				}
				catch (EOFException ex) {
					torn = "a record cut short";
					break;
				}
			}
		}
		if (torn == null && Files.size(file) != valid) {
			torn = "a partial record header";
		}
		if (torn != null) {
			if (!last) {
				throw new IllegalStateException("the write log segment " + file + " is corrupt (" + torn
						+ ") although a newer segment follows it: refusing to start");
			}
			logger.warn("Dropping the torn tail of the write log (" + torn + ") after offset " + (expected - 1) + " in "
					+ file + ": it was never acknowledged");
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
				channel.truncate(valid);
				channel.force(true);
			}
		}
		return expected;
	}

	static int checksum(long offset, byte[] json) {
		CRC32C crc = new CRC32C();
		crc.update(ByteBuffer.allocate(8).putLong(0, offset));
		crc.update(json);
		return (int) crc.getValue();
	}

	/**
	 * Registers the log's meters.
	 * @param meters the registry
	 */
	public void registerMeters(MeterRegistry meters) {
		Gauge.builder("marquee.hollow.log.head", this, DurableWriteLog::head)
			.description("The highest durable write-log offset")
			.register(meters);
		Gauge.builder("marquee.hollow.log.state.offset", this, (log) -> log.state().offset())
			.description("The highest write-log offset contained in the latest announced Hollow state")
			.register(meters);
		Gauge.builder("marquee.hollow.log.pending", this, DurableWriteLog::pending)
			.description("Durable write-log entries not yet folded into an announced Hollow state")
			.register(meters);
		Gauge.builder("marquee.hollow.log.retained", this.retainedBytes, AtomicLong::get)
			.description("Bytes of change JSON the write log keeps (on disk and in memory)")
			.baseUnit("bytes")
			.register(meters);
		this.truncations = Counter.builder("marquee.hollow.log.truncations")
			.description("Write-log segments deleted because an announced state contains all their entries")
			.register(meters);
	}

	/**
	 * The log's id, created with the log and kept in its directory.
	 * @return the id
	 */
	public String logId() {
		return this.logId;
	}

	/**
	 * Whether this log was created when opened (there was none).
	 * @return true for a new log
	 */
	public boolean created() {
		return this.created;
	}

	/**
	 * The directory.
	 * @return its absolute path
	 */
	public Path dir() {
		return this.dir;
	}

	/**
	 * The highest durable offset.
	 * @return the offset ({@link WriteLog#NO_OFFSET} for a log without entries ever)
	 */
	public long head() {
		return this.head;
	}

	/**
	 * The oldest offset the log keeps (one more than the head when it keeps none).
	 * @return the offset
	 */
	public long firstOffset() {
		return this.firstOffset;
	}

	/**
	 * The latest announced state.
	 * @return its version and offset
	 */
	public StateMark state() {
		return this.state;
	}

	/**
	 * How many durable entries no announced state contains yet.
	 * @return the count
	 */
	public long pending() {
		return Math.max(0, this.head - this.state.offset());
	}

	/**
	 * Entries after an offset that the caller may replay, without limits (start-up only).
	 * @param after the offset
	 * @return the kept entries after it, in order
	 */
	public List<LogRecord> entriesAfter(long after) {
		return List.copyOf(this.entries.tailMap(after, false).values());
	}

	/**
	 * Appends a batch durably: writes every record, forces once, and only then makes them
	 * visible to readers and wakes the long-polls. Only one thread may call this.
	 * @param records the records, with offsets {@code head + 1, head + 2, ...}
	 * @throws IOException when they could not be made durable; the log is rolled back to
	 * before the batch, or, when even that fails, refuses every later append until the
	 * producer restarts
	 */
	public void append(List<LogRecord> records) throws IOException {
		if (records.isEmpty()) {
			return;
		}
		if (this.broken) {
			throw new IOException("the write log refuses appends after a failed rollback; restart the producer");
		}
		long next = this.head + 1;
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i).offset() != next + i) {
				throw new IllegalArgumentException(
						"offset " + records.get(i).offset() + " where " + (next + i) + " was expected");
			}
		}
		if (this.active.size() >= this.segmentBytes) {
			roll(next);
		}
		long position = this.active.size();
		ByteBuffer[] buffers = new ByteBuffer[records.size() * 2];
		for (int i = 0; i < records.size(); i++) {
			LogRecord record = records.get(i);
			buffers[2 * i] = ByteBuffer.allocate(HEADER_BYTES)
				.putInt(record.json().length)
				.putInt(checksum(record.offset(), record.json()))
				.putLong(record.offset())
				.flip();
			buffers[2 * i + 1] = ByteBuffer.wrap(record.json());
		}
		try {
			this.active.position(position);
			ByteBuffer lastBuffer = buffers[buffers.length - 1];
			while (lastBuffer.hasRemaining()) {
				this.active.write(buffers);
			}
			this.durability.force(this.active);
		}
		catch (IOException | RuntimeException ex) {
			rollBack(position, ex);
			throw (ex instanceof IOException io) ? io : new IOException(ex);
		}
		long bytes = 0;
		for (LogRecord record : records) {
			this.entries.put(record.offset(), record);
			bytes += record.json().length;
		}
		this.retainedBytes.addAndGet(bytes);
		this.head = records.get(records.size() - 1).offset();
		this.nextAppend.getAndSet(new CompletableFuture<>()).complete(null);
	}

	private void rollBack(long position, Exception cause) {
		try {
			this.active.truncate(position);
			this.active.position(position);
			this.durability.force(this.active);
			logger.error("A write-log append failed and was rolled back; its writes were answered 503", cause);
		}
		catch (IOException | RuntimeException ex) {
			this.broken = true;
			logger.error("A write-log append failed and could not be rolled back (" + ex
					+ "); refusing appends until restart, which drops the torn tail", cause);
		}
	}

	private void roll(long first) throws IOException {
		createSegment(first);
		FileChannel next = FileChannel.open(segmentFile(first), StandardOpenOption.WRITE);
		this.active.close();
		this.active = next;
		synchronized (this.segments) {
			this.segments.add(first);
		}
	}

	private void createSegment(long first) throws IOException {
		Files.newByteChannel(segmentFile(first), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
		// the new file's directory entry must be durable before any of its records is
		// acknowledged
		forceDirectory();
	}

	/**
	 * Reads the entries after an offset, at most a capped number or size (at least one
	 * entry when any).
	 * @param after the offset the caller holds
	 * @param maxEntries the most entries
	 * @param maxBytes the most JSON bytes (passed by a single entry when it alone is
	 * larger)
	 * @return the entries, gapless from {@code after + 1}, and where the log stands
	 * @throws UnknownOffsetException when {@code after} is beyond the head
	 * @throws LogTruncatedException when entries after {@code after} are no longer kept
	 */
	public Batch read(long after, int maxEntries, long maxBytes) {
		StateMark mark = this.state;
		long currentHead = this.head;
		if (after > currentHead) {
			throw new UnknownOffsetException(
					"offset " + after + " is beyond the head " + currentHead + " of the log " + this.logId
							+ ": the caller follows another log; load the latest state and follow from its offset");
		}
		if (after < this.firstOffset - 1) {
			throw new LogTruncatedException(after, this.firstOffset, mark);
		}
		List<LogRecord> records = new ArrayList<>();
		long bytes = 0;
		for (long offset = after + 1; offset <= currentHead && records.size() < maxEntries; offset++) {
			LogRecord record = this.entries.get(offset);
			if (record == null) {
				// truncated while this read ran
				throw new LogTruncatedException(after, this.firstOffset, this.state);
			}
			if (!records.isEmpty() && bytes + record.json().length > maxBytes) {
				break;
			}
			records.add(record);
			bytes += record.json().length;
		}
		return new Batch(this.logId, records, currentHead, mark);
	}

	/**
	 * Completes once an entry after the offset is durable, or when the timeout passes.
	 * @param after the offset the caller holds
	 * @param timeout the longest wait
	 * @return completes (with nothing) either way
	 */
	public CompletableFuture<Void> awaitAfter(long after, Duration timeout) {
		// take the future before reading the head, so an append in between is never
		// missed
		CompletableFuture<Void> appended = this.nextAppend.get();
		if (this.head > after || timeout.isZero()) {
			return CompletableFuture.completedFuture(null);
		}
		return appended.thenApply((ignored) -> (Void) null)
			.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Records a durably announced state and deletes the segments it makes unnecessary:
	 * those (not the one appended to) whose every entry is at or below the state's
	 * offset.
	 * @param version the announced version
	 * @param offset the highest offset it contains
	 */
	public void stateAnnounced(long version, long offset) {
		this.state = new StateMark(version, Math.max(offset, this.state.offset()));
		List<Long> deleted = new ArrayList<>();
		synchronized (this.segments) {
			while (this.segments.size() > 1 && this.segments.get(1) - 1 <= this.state.offset()) {
				deleted.add(this.segments.remove(0));
				// readers see the new first offset (and answer 410) before the entries
				// disappear
				this.firstOffset = this.segments.get(0);
			}
		}
		if (deleted.isEmpty()) {
			return;
		}
		long bytes = 0;
		for (LogRecord record : this.entries.headMap(this.firstOffset).values()) {
			bytes += record.json().length;
		}
		this.entries.headMap(this.firstOffset).clear();
		this.retainedBytes.addAndGet(-bytes);
		for (long first : deleted) {
			try {
				Files.deleteIfExists(segmentFile(first));
			}
			catch (IOException ex) {
				logger.warn("cannot delete the write-log segment " + segmentFile(first) + ": " + ex);
			}
		}
		forceDirectory();
		this.truncatedSegments.addAndGet(deleted.size());
		if (this.truncations != null) {
			this.truncations.increment(deleted.size());
		}
		logger.info("Truncated " + deleted.size() + " write-log segments: state " + version + " contains offsets up to "
				+ offset + "; the log keeps offsets from " + this.firstOffset);
	}

	/**
	 * Whether the log refuses appends (a failed write could not be rolled back) until the
	 * producer restarts.
	 * @return true when broken
	 */
	public boolean broken() {
		return this.broken;
	}

	/**
	 * How many segments were deleted since the log was opened.
	 * @return the count
	 */
	public long truncatedSegments() {
		return this.truncatedSegments.get();
	}

	@Override
	public void close() {
		try {
			if (this.active != null) {
				this.active.close();
			}
		}
		catch (IOException ex) {
			logger.warn("cannot close the write log: " + ex);
		}
		finally {
			this.lock.close();
		}
	}

	private void writeDurably(Path target, byte[] content) throws IOException {
		Path temp = this.dir.resolve(".tmp-" + target.getFileName() + "-" + System.nanoTime());
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(content));
			channel.force(true);
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
		forceDirectory();
	}

	private void forceDirectory() {
		try (FileChannel channel = FileChannel.open(this.dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			logger.debug("cannot fsync directory " + this.dir + ": " + ex);
		}
	}

	/**
	 * Entries read from the log and where it stood.
	 *
	 * @param logId the log's id
	 * @param records the entries
	 * @param head the head when they were read
	 * @param state the latest announced state when they were read
	 */
	public record Batch(String logId, List<LogRecord> records, long head, StateMark state) {

		public Batch {
			Objects.requireNonNull(logId);
			records = List.copyOf(records);
		}

	}

}
