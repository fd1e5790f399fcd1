package dev.marquee.bench.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of the platform's processes, read from {@code /proc/<pid>/stat} (Linux) for
 * the processes that {@code ./marquee up} started, found by their pid files under
 * {@code MARQUEE_HOME}: what an edit costs each process, measured from outside without
 * touching the services.
 */
public final class ProcessCpu {

	// USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux the
	// JDK supports here.
	private static final long TICKS_PER_SECOND = 100;

	private final Map<String, Path> pidFiles = new LinkedHashMap<>();

	/**
	 * The processes of a platform.
	 * @param marqueeHome the platform's home ({@code .marquee} by default)
	 */
	public ProcessCpu(Path marqueeHome) {
		for (String service : new String[] { "hollow-producer", "ingestion-service", "page-construction",
				"data-consumer" }) {
			this.pidFiles.put(service, marqueeHome.resolve("run/" + service + ".pid"));
		}
		this.pidFiles.put("cassandra", marqueeHome.resolve("data/cassandra/cassandra.pid"));
		this.pidFiles.put("kafka", marqueeHome.resolve("data/kafka/kafka.pid"));
	}

	/**
	 * The CPU time each process has used so far.
	 * @return process name → CPU milliseconds (user + system); processes not found are
	 * left out
	 */
	public Map<String, Long> sample() {
		Map<String, Long> sample = new LinkedHashMap<>();
		this.pidFiles.forEach((name, pidFile) -> cpuMillis(pidFile).ifPresent((millis) -> sample.put(name, millis)));
		return sample;
	}

	/**
	 * CPU used between two samples.
	 * @param before the earlier sample
	 * @param after the later one
	 * @return process name → CPU milliseconds, for the processes present in both (and not
	 * restarted)
	 */
	public static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> used = new LinkedHashMap<>();
		after.forEach((name, millis) -> {
			Long start = before.get(name);
			if (start != null && millis >= start) {
				used.put(name, millis - start);
			}
		});
		return used;
	}

	private static OptionalLong cpuMillis(Path pidFile) {
		try {
			if (!Files.isRegularFile(pidFile)) {
				return OptionalLong.empty();
			}
			String pid = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split("\\s+")[0];
			String stat = Files.readString(Path.of("/proc", pid, "stat"), StandardCharsets.US_ASCII);
			// Fields after the command name (which may hold spaces, so start after its
			// closing parenthesis):
			// state is field 3, utime 14 and stime 15.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

}
