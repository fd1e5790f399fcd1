package dev.marquee.infra;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point that runs another main class and exits when a watched process is gone.
 *
 * <p>
 * Every server and service the launcher starts runs under this guard, watching the
 * process that owns it (the test JVM or the platform's lifeline). If that owner dies,
 * even by SIGKILL, the guard calls {@link System#exit(int)}, so the server's own shutdown
 * hooks stop it cleanly instead of leaving an orphan holding ports and data locks.
 *
 * <p>
 * Usage:
 * {@code java -cp <guard>:<server classpath> dev.marquee.infra.OrphanGuard <pid> <main class> [args]}
 */
public final class OrphanGuard {

	static final String EXIT_MESSAGE = "[orphan-guard] owner process %d is gone; shutting down%n";

	private OrphanGuard() {
	}

	public static void main(String[] args) throws Throwable {
		if (args.length < 2) {
			System.err.println("usage: OrphanGuard <owner pid> <main class> [args...]");
			System.exit(2);
		}
		long ownerPid = Long.parseLong(args[0]);
		Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
		if (owner.isEmpty() || !owner.get().isAlive()) {
			System.err.printf(EXIT_MESSAGE, ownerPid);
			System.exit(1);
		}
		Thread watcher = new Thread(() -> watch(owner.get()), "orphan-guard");
		watcher.setDaemon(true);
		watcher.start();
		Method main = Class.forName(args[1]).getMethod("main", String[].class);
		main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
	}

	private static void watch(ProcessHandle owner) {
		while (owner.isAlive()) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		System.err.printf(EXIT_MESSAGE, owner.pid());
		System.exit(0);
	}

}
