package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM process started by the launcher, known by a pid file that also records its start
 * time, so that a later {@code ./marquee down} stops exactly that process and never an
 * unrelated one that reused the pid.
 */
public final class ManagedProcess {

	private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);

	private final String name;

	private final ProcessHandle handle;

	private ManagedProcess(String name, ProcessHandle handle) {
		this.name = name;
		this.handle = handle;
	}

	/**
	 * Starts a process whose output goes to a log file, and records it in a pid file.
	 * @param name the component's name, for messages
	 * @param command the command line
	 * @param workDir the working directory
	 * @param environment extra environment variables
	 * @param outputLog where stdout and stderr go (appended)
	 * @param pidFile where to record the process
	 * @return the started process
	 */
	public static ManagedProcess start(String name, List<String> command, Path workDir, Map<String, String> environment,
			Path outputLog, Path pidFile) {
		try {
			Files.createDirectories(outputLog.getParent());
			Files.createDirectories(pidFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			ProcessHandle handle = process.toHandle();
			Instant started = handle.info().startInstant().orElse(Instant.now());
			Path temp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
			Files.writeString(temp, handle.pid() + " " + started.toEpochMilli() + "\n", StandardCharsets.UTF_8);
			Files.move(temp, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return new ManagedProcess(name, handle);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + name, ex);
		}
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

	/**
	 * The live process a pid file names, if it is still the process that was recorded.
	 * @param name the component's name
	 * @param pidFile the pid file
	 * @return the process, or empty when the file is absent or the process is gone
	 */
	public static Optional<ManagedProcess> fromPidFile(String name, Path pidFile) {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		try {
			String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split("\\s+");
			long pid = Long.parseLong(fields[0]);
			long startedMillis = (fields.length > 1) ? Long.parseLong(fields[1]) : -1;
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter((handle) -> {
				Optional<Instant> start = handle.info().startInstant();
				return startedMillis < 0 || start.isEmpty()
						|| Duration.between(start.get(), Instant.ofEpochMilli(startedMillis))
							.abs()
							.compareTo(START_TIME_TOLERANCE) <= 0;
			}).map((handle) -> new ManagedProcess(name, handle));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.handle.pid();
	}

	public boolean isAlive() {
		return this.handle.isAlive();
	}

	/**
	 * Stops the process with SIGTERM, so it runs its shutdown hooks, and with SIGKILL if
	 * it has not exited within the grace period.
	 * @param grace how long to wait for a clean exit
	 * @return true if it exited cleanly
	 */
	public boolean stop(Duration grace) {
		if (!this.handle.isAlive()) {
			return true;
		}
		this.handle.destroy();
		try {
			this.handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			kill();
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !this.handle.isAlive();
		}
	}

	/** Kills the process with SIGKILL and waits until it is gone. */
	public void kill() {
		this.handle.destroyForcibly();
		try {
			this.handle.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Waits for the process to exit on its own.
	 * @param timeout how long to wait
	 * @return true if it has exited
	 */
	public boolean awaitExit(Duration timeout) {
		try {
			this.handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return !this.handle.isAlive();
		}
	}

}
