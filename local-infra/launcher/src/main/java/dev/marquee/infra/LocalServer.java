package dev.marquee.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a server the launcher runs from Maven jars has in common, whatever the server: a
 * home directory holding its pid file, at most one running process, and a clean stop or a
 * crash-like kill.
 */
abstract class LocalServer {

	private final String name;

	private final Path home;

	private ManagedProcess process;

	LocalServer(String name, Path home) {
		this.name = name;
		this.home = home;
	}

	public Path pidFile() {
		return this.home.resolve(this.name.toLowerCase(Locale.ROOT) + ".pid");
	}

	/**
	 * The server this home's pid file names, if it is running.
	 * @return the running process
	 */
	public Optional<ManagedProcess> running() {
		if (this.process != null && this.process.isAlive()) {
			return Optional.of(this.process);
		}
		return ManagedProcess.fromPidFile(this.name.toLowerCase(Locale.ROOT), pidFile());
	}

	/**
	 * Refuses to start a second server on this home, or on ports another process holds.
	 * @param host the address the server listens on
	 * @param ports every port it binds
	 */
	void checkCanStart(String host, int... ports) {
		Optional<ManagedProcess> running = running();
		if (running.isPresent()) {
			throw new IllegalStateException(
					this.name + " is already running from " + this.home + " (pid " + running.get().pid() + ")");
		}
		for (int port : ports) {
			if (Readiness.portOpen(host, port)) {
				throw new IllegalStateException(
						"port " + port + " is taken by another process; set another " + this.name + " port");
			}
		}
	}

	/**
	 * Starts the server's JVM in its home and records it in the pid file.
	 * @param command the command line
	 * @param outputLog where its stdout and stderr go
	 * @return the process
	 */
	ManagedProcess launch(List<String> command, Path outputLog) {
		this.process = ManagedProcess.start(this.name.toLowerCase(Locale.ROOT), command, this.home, Map.of(), outputLog,
				pidFile());
		return this.process;
	}

	/**
	 * Stops the server cleanly (SIGTERM; SIGKILL after the grace period).
	 * @param grace how long a clean shutdown may take
	 */
	public void stop(Duration grace) {
		running().ifPresent((p) -> p.stop(grace));
	}

	/** Kills the server with SIGKILL, as a crash would. */
	public void kill() {
		running().ifPresent(ManagedProcess::kill);
	}

}
