package dev.marquee.page.readpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.marquee.model.ReadPath;
import dev.marquee.page.PageConstructionProperties;

/**
 * The active read path of this replica. A request reads it once when it starts, so a
 * switch applies to every later request and never to one in flight. The choice is written
 * to {@code <home>/data/page-construction/read-path} and read back on start; without that
 * file the configured default applies. {@link SharedReadPath} makes every replica follow
 * the choice stored in Cassandra; this file is what a replica serves until it has read
 * that.
 */
@Component
public class ReadPathSwitch {

	private static final Logger logger = LoggerFactory.getLogger(ReadPathSwitch.class);

	private final Path file;

	private final AtomicReference<ReadPath> active;

	public ReadPathSwitch(PageConstructionProperties properties) {
		this.file = properties.dataDirectory().resolve("read-path");
		ReadPath initial = properties.readPath().defaultPath();
		if (Files.isRegularFile(this.file)) {
			try {
				initial = ReadPath.valueOf(Files.readString(this.file, StandardCharsets.UTF_8).strip());
			}
			catch (IOException | IllegalArgumentException ex) {
				logger.warn("Ignoring unreadable read-path file {}: {}", this.file, ex.getMessage());
			}
		}
		this.active = new AtomicReference<>(initial);
		logger.info("Active read path: {} (persisted in {})", initial, this.file);
	}

	/**
	 * @return the path serving requests that start now
	 */
	public ReadPath active() {
		return this.active.get();
	}

	/**
	 * Switches the path for every later request and persists the choice.
	 * @param path the new path
	 * @return the previous path
	 */
	public synchronized ReadPath switchTo(ReadPath path) {
		persist(path);
		ReadPath previous = this.active.getAndSet(path);
		if (previous != path) {
			logger.info("Read path switched from {} to {}", previous, path);
		}
		return previous;
	}

	private void persist(ReadPath path) {
		try {
			Files.createDirectories(this.file.getParent());
			Path temp = Files.createTempFile(this.file.getParent(), "read-path", ".tmp");
			Files.writeString(temp, path.name() + "\n", StandardCharsets.UTF_8);
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not persist the read path to " + this.file, ex);
		}
	}

}
