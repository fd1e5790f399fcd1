package dev.marquee.hollowproducer.blob;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One blob file of the store.
 *
 * @param kind what it is
 * @param from the version it starts from (for a snapshot or header: its own version)
 * @param to the version it leads to
 * @param file where it is
 */
public record StoredBlob(Kind kind, long from, long to, Path file) {

	/**
	 * The file name of a blob; the same layout as Hollow's filesystem publisher, so
	 * Hollow's own filesystem retriever can read the directory too.
	 * @param kind what it is
	 * @param from the version it starts from
	 * @param to the version it leads to
	 * @return the name
	 */
	static String fileName(Kind kind, long from, long to) {
		return switch (kind) {
			case SNAPSHOT -> "snapshot-" + to;
			case HEADER -> "header-" + to;
			case DELTA -> "delta-" + from + "-" + to;
			case REVERSE_DELTA -> "reversedelta-" + from + "-" + to;
		};
	}

	/**
	 * Parses a file name of the store.
	 * @param file the file
	 * @return the blob, or null if the file is not a blob (the lock, the announcement, a
	 * temporary file)
	 */
	static @Nullable StoredBlob parse(Path file) {
		String[] parts = file.getFileName().toString().split("-");
		try {
			if (parts.length == 2 && parts[0].equals("snapshot")) {
				long version = Long.parseLong(parts[1]);
				return new StoredBlob(Kind.SNAPSHOT, version, version, file);
			}
			if (parts.length == 2 && parts[0].equals("header")) {
				long version = Long.parseLong(parts[1]);
				return new StoredBlob(Kind.HEADER, version, version, file);
			}
			if (parts.length == 3 && parts[0].equals("delta")) {
				return new StoredBlob(Kind.DELTA, Long.parseLong(parts[1]), Long.parseLong(parts[2]), file);
			}
			if (parts.length == 3 && parts[0].equals("reversedelta")) {
				return new StoredBlob(Kind.REVERSE_DELTA, Long.parseLong(parts[1]), Long.parseLong(parts[2]), file);
			}
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return null;
	}

	/**
	 * The newest version this blob belongs to: a blob whose newest version was never
	 * announced is an orphan of a cycle that crashed before its announcement.
	 * @return the newest version it touches
	 */
	long newestVersion() {
		return Math.max(this.from, this.to);
	}

	/** Kinds of blobs. */
	public enum Kind {

		/** A full state. */
		SNAPSHOT,

		/** The changes from one state to the next. */
		DELTA,

		/** The changes from one state back to the previous one. */
		REVERSE_DELTA,

		/** The schemas and header tags of a state, without its data. */
		HEADER

	}

}
