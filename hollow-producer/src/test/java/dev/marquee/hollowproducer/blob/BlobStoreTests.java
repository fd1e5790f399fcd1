package dev.marquee.hollowproducer.blob;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.hollowproducer.blob.StoredBlob.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BlobStoreTests {

	@TempDir
	Path dir;

	@Test
	void findsTheNewestSnapshotAtOrBeforeAVersionAndDeltasByTheirStart() {
		BlobStore store = new BlobStore(this.dir);
		write(store, Kind.SNAPSHOT, 10, 10);
		write(store, Kind.DELTA, 10, 20);
		write(store, Kind.REVERSE_DELTA, 20, 10);
		write(store, Kind.SNAPSHOT, 30, 30);

		assertThat(store.snapshotAtOrBefore(25)).map(StoredBlob::to).hasValue(10L);
		assertThat(store.snapshotAtOrBefore(30)).map(StoredBlob::to).hasValue(30L);
		assertThat(store.snapshotAtOrBefore(9)).isEmpty();
		assertThat(store.deltaFrom(10)).map(StoredBlob::to).hasValue(20L);
		assertThat(store.reverseDeltaFrom(20)).map(StoredBlob::to).hasValue(10L);
		assertThat(store.deltaFrom(20)).isEmpty();
	}

	@Test
	void reopeningIndexesTheBlobsAndTheAnnouncementOnDisk() {
		BlobStore store = new BlobStore(this.dir);
		write(store, Kind.SNAPSHOT, 10, 10);
		write(store, Kind.DELTA, 10, 20);
		store.announce(20);

		BlobStore reopened = new BlobStore(this.dir);
		assertThat(reopened.announcedVersion()).hasValue(20);
		assertThat(reopened.deltaFrom(10)).isPresent();
		assertThat(this.dir.resolve(BlobStore.ANNOUNCED_VERSION_FILE)).hasContent("20");
	}

	@Test
	void removesBlobsOfCyclesThatWereNeverAnnounced() {
		BlobStore store = new BlobStore(this.dir);
		write(store, Kind.SNAPSHOT, 10, 10);
		store.announce(10);
		write(store, Kind.DELTA, 10, 20);
		write(store, Kind.REVERSE_DELTA, 20, 10);
		write(store, Kind.HEADER, 20, 20);

		assertThat(store.removeUnannounced()).isEqualTo(3);
		assertThat(store.deltaFrom(10)).isEmpty();
		assertThat(Files.exists(this.dir.resolve("delta-10-20"))).isFalse();
		assertThat(store.snapshotAtOrBefore(10)).isPresent();
	}

	@Test
	void cleaningKeepsTheNewestSnapshotsAndOnlyTheDeltasThatLeadFromThem() {
		BlobStore store = new BlobStore(this.dir);
		long previous = 0;
		for (long version = 10; version <= 60; version += 10) {
			if (version % 20 == 0) {
				write(store, Kind.SNAPSHOT, version, version);
			}
			if (previous > 0) {
				write(store, Kind.DELTA, previous, version);
				write(store, Kind.REVERSE_DELTA, version, previous);
			}
			write(store, Kind.HEADER, version, version);
			previous = version;
		}
		// snapshots 20, 40, 60; keep 2 -> oldest kept is 40
		store.clean(2);

		List<String> left = store.all().stream().map((blob) -> blob.file().getFileName().toString()).sorted().toList();
		assertThat(left).containsExactlyInAnyOrder("snapshot-40", "snapshot-60", "delta-40-50", "delta-50-60",
				"reversedelta-50-40", "reversedelta-60-50", "header-40", "header-50", "header-60");
		try (var files = Files.list(this.dir)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(left);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aSecondLockOnTheSameDirectoryIsRefusedUntilTheFirstIsReleased() {
		ProducerLock first = ProducerLock.acquire(this.dir);
		assertThatExceptionOfType(ProducerLock.AnotherProducerRunningException.class)
			.isThrownBy(() -> ProducerLock.acquire(this.dir))
			.withMessageContaining("holds the lock");
		first.close();
		ProducerLock.acquire(this.dir).close();
	}

	private static void write(BlobStore store, Kind kind, long from, long to) {
		store.write(kind, from, to,
				new ByteArrayInputStream((kind + " " + from + " " + to).getBytes(StandardCharsets.UTF_8)));
	}

}
