package dev.marquee.hollowproducer.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import com.netflix.hollow.api.consumer.HollowConsumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.marquee.hollowproducer.blob.StoredBlob.Kind;

/**
 * The blob directory: Hollow's filesystem layout ({@code snapshot-V}, {@code delta-F-T},
 * {@code reversedelta-F-T}, {@code header-V}, {@code announced.version}), written
 * durably.
 *
 * <p>
 * Every file is written to a temporary name, forced to disk, atomically renamed and the
 * directory forced too, so after a crash a blob is either complete or absent. The
 * announcement is written last, after every blob of its cycle: whatever version is
 * announced can be restored.
 */
public final class BlobStore {

	static final String ANNOUNCED_VERSION_FILE = "announced.version";

	private static final Log logger = LogFactory.getLog(BlobStore.class);

	private final Path dir;

	private final NavigableMap<Long, StoredBlob> snapshots = new ConcurrentSkipListMap<>();

	private final Map<Long, StoredBlob> deltas = new ConcurrentHashMap<>();

	private final Map<Long, StoredBlob> reverseDeltas = new ConcurrentHashMap<>();

	private final Map<Long, StoredBlob> headers = new ConcurrentHashMap<>();

	private volatile long announced = HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE;

	/**
	 * Opens (and creates) a blob directory and indexes the blobs in it.
	 * @param dir the directory
	 */
	public BlobStore(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.dir);
			Path announcement = this.dir.resolve(ANNOUNCED_VERSION_FILE);
			if (Files.exists(announcement)) {
				this.announced = Long.parseLong(Files.readString(announcement, StandardCharsets.US_ASCII).trim());
			}
			try (Stream<Path> files = Files.list(this.dir)) {
				files.forEach((file) -> {
					StoredBlob blob = StoredBlob.parse(file);
					if (blob != null) {
						index(blob);
					}
					else if (file.getFileName().toString().startsWith(".tmp-")) {
						deleteQuietly(file);
					}
				});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the blob directory " + this.dir, ex);
		}
	}

	/**
	 * The directory.
	 * @return its absolute path
	 */
	public Path dir() {
		return this.dir;
	}

	/**
	 * The version last announced, as stored on disk.
	 * @return the version, if any was announced
	 */
	public OptionalLong announcedVersion() {
		long version = this.announced;
		return (version == HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE) ? OptionalLong.empty()
				: OptionalLong.of(version);
	}

	/**
	 * Deletes the blobs of cycles that were published but never announced (the producer
	 * died in between); they would otherwise collide with the deltas of the next cycle
	 * from the same version.
	 * @return how many files were removed
	 */
	public int removeUnannounced() {
		long limit = this.announced;
		List<StoredBlob> orphans = all().stream().filter((blob) -> blob.newestVersion() > limit).toList();
		orphans.forEach(this::delete);
		if (!orphans.isEmpty()) {
			logger.warn("Removed " + orphans.size() + " blobs of versions newer than the announced " + limit
					+ " (a cycle that was never announced)");
		}
		return orphans.size();
	}

	/**
	 * Stores a blob durably.
	 * @param kind what it is
	 * @param from the version it starts from (its own version for a snapshot or header)
	 * @param to the version it leads to
	 * @param content its bytes
	 * @return the stored blob
	 */
	public StoredBlob write(Kind kind, long from, long to, InputStream content) {
		StoredBlob blob = new StoredBlob(kind, from, to, this.dir.resolve(StoredBlob.fileName(kind, from, to)));
		writeDurably(blob.file(), content);
		index(blob);
		return blob;
	}

	/**
	 * Records the announced version durably, after the blobs of its state.
	 * @param version the version
	 */
	public void announce(long version) {
		writeDurably(this.dir.resolve(ANNOUNCED_VERSION_FILE),
				new java.io.ByteArrayInputStream(Long.toString(version).getBytes(StandardCharsets.US_ASCII)));
		this.announced = version;
	}

	/**
	 * The snapshot a consumer that wants a version starts from.
	 * @param version the desired version
	 * @return the snapshot with the highest version at or before it
	 */
	public Optional<StoredBlob> snapshotAtOrBefore(long version) {
		Map.Entry<Long, StoredBlob> entry = this.snapshots.floorEntry(version);
		return Optional.ofNullable((entry != null) ? entry.getValue() : null);
	}

	/**
	 * The delta that leaves a version.
	 * @param from the version
	 * @return the delta from it
	 */
	public Optional<StoredBlob> deltaFrom(long from) {
		return Optional.ofNullable(this.deltas.get(from));
	}

	/**
	 * The reverse delta that leaves a version towards the previous one.
	 * @param from the version
	 * @return the reverse delta from it
	 */
	public Optional<StoredBlob> reverseDeltaFrom(long from) {
		return Optional.ofNullable(this.reverseDeltas.get(from));
	}

	/**
	 * The header blob of a version.
	 * @param version the version
	 * @return its header
	 */
	public Optional<StoredBlob> header(long version) {
		return Optional.ofNullable(this.headers.get(version));
	}

	/**
	 * Keeps the newest snapshots and everything a consumer needs to move from them to the
	 * announced version; deletes older snapshots, and the deltas, reverse deltas and
	 * headers from before the oldest kept snapshot (Hollow's own filesystem cleaner
	 * leaves deltas behind).
	 * @param snapshotsToKeep how many snapshots to keep
	 * @return how many files were deleted
	 */
	public int clean(int snapshotsToKeep) {
		if (this.snapshots.size() <= snapshotsToKeep) {
			return 0;
		}
		long oldestKept = this.snapshots.descendingKeySet()
			.stream()
			.skip(snapshotsToKeep - 1L)
			.findFirst()
			.orElseThrow();
		List<StoredBlob> stale = all().stream().filter((blob) -> switch (blob.kind()) {
			case SNAPSHOT, HEADER -> blob.to() < oldestKept;
			case DELTA -> blob.to() <= oldestKept;
			case REVERSE_DELTA -> blob.from() <= oldestKept;
		}).toList();
		stale.forEach(this::delete);
		return stale.size();
	}

	/**
	 * Every blob in the store.
	 * @return the blobs
	 */
	public List<StoredBlob> all() {
		List<StoredBlob> all = new ArrayList<>(this.snapshots.values());
		all.addAll(this.deltas.values());
		all.addAll(this.reverseDeltas.values());
		all.addAll(this.headers.values());
		return all;
	}

	/**
	 * A Hollow blob retriever over this directory, used to restore the producer's state
	 * on start.
	 * @return the retriever
	 */
	public HollowConsumer.BlobRetriever retriever() {
		return new LocalRetriever();
	}

	private void index(StoredBlob blob) {
		switch (blob.kind()) {
			case SNAPSHOT -> this.snapshots.put(blob.to(), blob);
			case DELTA -> this.deltas.put(blob.from(), blob);
			case REVERSE_DELTA -> this.reverseDeltas.put(blob.from(), blob);
			case HEADER -> this.headers.put(blob.to(), blob);
		}
	}

	private void delete(StoredBlob blob) {
		switch (blob.kind()) {
			case SNAPSHOT -> this.snapshots.remove(blob.to(), blob);
			case DELTA -> this.deltas.remove(blob.from(), blob);
			case REVERSE_DELTA -> this.reverseDeltas.remove(blob.from(), blob);
			case HEADER -> this.headers.remove(blob.to(), blob);
		}
		deleteQuietly(blob.file());
	}

	private void writeDurably(Path target, InputStream content) {
		Path temp = this.dir.resolve(".tmp-" + target.getFileName() + "-" + System.nanoTime());
		try (InputStream in = content;
				FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			OutputStream out = Channels.newOutputStream(channel);
			in.transferTo(out);
			channel.force(true);
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("cannot write " + target, ex);
		}
		try {
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			forceDirectory();
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("cannot move " + temp + " to " + target, ex);
		}
	}

	private void forceDirectory() {
		// the rename is durable only once the directory entry is on disk; not every OS
		// can open a directory
		try (FileChannel channel = FileChannel.open(this.dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			logger.debug("cannot fsync directory " + this.dir + ": " + ex);
		}
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("cannot delete " + file + ": " + ex);
		}
	}

	private final class LocalRetriever implements HollowConsumer.BlobRetriever {

		@Override
		public HollowConsumer.@Nullable Blob retrieveSnapshotBlob(long desiredVersion) {
			return snapshotAtOrBefore(desiredVersion).map(LocalRetriever::snapshot).orElse(null);
		}

		@Override
		public HollowConsumer.@Nullable Blob retrieveDeltaBlob(long currentVersion) {
			return deltaFrom(currentVersion).map(LocalRetriever::delta).orElse(null);
		}

		@Override
		public HollowConsumer.@Nullable Blob retrieveReverseDeltaBlob(long currentVersion) {
			return reverseDeltaFrom(currentVersion).map(LocalRetriever::delta).orElse(null);
		}

		@Override
		public HollowConsumer.@Nullable HeaderBlob retrieveHeaderBlob(long desiredVersion) {
			StoredBlob blob = header(desiredVersion).orElse(null);
			if (blob == null) {
				return null;
			}
			return new HollowConsumer.HeaderBlob(blob.to()) {

				@Override
				public InputStream getInputStream() throws IOException {
					return Files.newInputStream(blob.file());
				}

			};
		}

		private static HollowConsumer.Blob snapshot(StoredBlob blob) {
			return new HollowConsumer.Blob(blob.to()) {

				@Override
				public InputStream getInputStream() throws IOException {
					return Files.newInputStream(blob.file());
				}

			};
		}

		private static HollowConsumer.Blob delta(StoredBlob blob) {
			return new HollowConsumer.Blob(blob.from(), blob.to()) {

				@Override
				public InputStream getInputStream() throws IOException {
					return Files.newInputStream(blob.file());
				}

			};
		}

	}

}
