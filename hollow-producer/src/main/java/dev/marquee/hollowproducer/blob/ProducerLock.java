package dev.marquee.hollowproducer.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on {@code producer.lock} in the blob directory: one producer
 * per blob store. The OS releases it when the process dies, even by SIGKILL, so a
 * restarted producer is never locked out by its dead predecessor.
 */
public final class ProducerLock implements AutoCloseable {

	static final String LOCK_FILE = "producer.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private ProducerLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock or refuses.
	 * @param dir the blob directory
	 * @return the held lock
	 * @throws AnotherProducerRunningException when another process (or this one) holds it
	 */
	public static ProducerLock acquire(Path dir) {
		Path file = dir.resolve(LOCK_FILE);
		try {
			Files.createDirectories(dir);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
				channel.close();
				throw new AnotherProducerRunningException("Another hollow-producer (" + holder + ") holds the lock on "
						+ file + "; only one producer may write a blob store");
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
			return new ProducerLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot lock " + file, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Another producer writes this blob store. */
	public static final class AnotherProducerRunningException extends IllegalStateException {

		AnotherProducerRunningException(String message) {
			super(message);
		}

	}

}
