package dev.marquee.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrphanGuardIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void guardedProcessExitsWhenItsOwnerIsKilled() {
		ManagedProcess owner = ManagedProcess.start("owner", List.of("sleep", "600"), this.dir, Map.of(),
				this.dir.resolve("owner.out"), this.dir.resolve("owner.pid"));
		ManagedProcess guarded = startGuarded(owner.pid());
		try {
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(guarded::isAlive);

			owner.kill();

			await().atMost(Duration.ofSeconds(15)).until(() -> !guarded.isAlive());
		}
		finally {
			guarded.kill();
			owner.kill();
		}
	}

	@Test
	void pidFileNamesTheProcessOnlyWhileItRuns() {
		ManagedProcess owner = ManagedProcess.start("owner", List.of("sleep", "600"), this.dir, Map.of(),
				this.dir.resolve("owner.out"), this.dir.resolve("owner.pid"));
		assertThat(ManagedProcess.fromPidFile("owner", this.dir.resolve("owner.pid"))).get()
			.extracting(ManagedProcess::pid)
			.isEqualTo(owner.pid());

		assertThat(owner.stop(Duration.ofSeconds(10))).isTrue();

		assertThat(ManagedProcess.fromPidFile("owner", this.dir.resolve("owner.pid"))).isEmpty();
	}

	private ManagedProcess startGuarded(long ownerPid) {
		String classpath = System.getProperty("java.class.path");
		return ManagedProcess.start("guarded",
				List.of(Java.executable(), "-cp", classpath, OrphanGuard.class.getName(), Long.toString(ownerPid),
						BlockForever.class.getName()),
				this.dir, Map.of(), this.dir.resolve("guarded.out"), this.dir.resolve("guarded.pid"));
	}

}
