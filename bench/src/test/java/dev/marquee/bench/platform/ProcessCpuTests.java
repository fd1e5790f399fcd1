package dev.marquee.bench.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTests {

	@TempDir
	Path home;

	@Test
	void measuresTheCpuTimeOfAProcessNamedByItsPidFile() throws Exception {
		Files.createDirectories(this.home.resolve("run"));
		// the launcher's pid-file format: pid, then the start time in epoch milliseconds
		Files.writeString(this.home.resolve("run/hollow-producer.pid"),
				ProcessHandle.current().pid() + " " + System.currentTimeMillis() + "\n");
		ProcessCpu cpu = new ProcessCpu(this.home);

		Map<String, Long> before = cpu.sample();
		long sink = 0;
		long until = System.nanoTime() + 300_000_000L;
		while (System.nanoTime() < until) {
			sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
		}
		Map<String, Long> used = ProcessCpu.since(before, cpu.sample());

		assertThat(sink).isPositive();
		assertThat(used).containsOnlyKeys("hollow-producer");
		assertThat(used.get("hollow-producer")).isGreaterThanOrEqualTo(100);
	}

	@Test
	void leavesOutProcessesWithoutPidFile() {
		assertThat(new ProcessCpu(this.home).sample()).isEmpty();
	}

}
