package dev.marquee.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time read the same way by every CPU measurement of the test trees: this JVM's Java
 * threads from the thread MX bean, and any process or thread from its {@code /proc} stat
 * file (Linux).
 */
public final class CpuTimes {

	// USER_HZ: /proc reports utime and stime in ticks of 10 ms on Linux.
	private static final long NANOS_PER_TICK = 10_000_000L;

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private CpuTimes() {
	}

	/**
	 * The CPU time of every live Java thread of this JVM.
	 * @return nanoseconds by {@code name#id} (ids are unique, so two threads of one name
	 * stay apart)
	 */
	public static Map<String, Long> javaThreads() {
		Map<String, Long> cpu = new HashMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				long nanos = threads.getThreadCpuTime(info.getThreadId());
				if (nanos >= 0) {
					cpu.put(info.getThreadName() + "#" + info.getThreadId(), nanos);
				}
			}
		}
		return cpu;
	}

	/**
	 * The user plus system CPU time in a {@code /proc} stat file.
	 * @param stat {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}
	 * @return nanoseconds
	 * @throws IOException when it cannot be read (the process or thread has ended)
	 */
	public static long ofStat(Path stat) throws IOException {
		String text = Files.readString(stat);
		// The fields after the command name (which may contain spaces) start at field 3;
		// utime and stime are fields 14 and 15.
		String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
	}

	/**
	 * The user plus system CPU time of a process.
	 * @param pid the process
	 * @return nanoseconds
	 * @throws IOException when it cannot be read (the process has ended)
	 */
	public static long ofProcess(long pid) throws IOException {
		return ofStat(Path.of("/proc", Long.toString(pid), "stat"));
	}

}
