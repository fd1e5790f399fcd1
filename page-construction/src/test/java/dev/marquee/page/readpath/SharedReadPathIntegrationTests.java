package dev.marquee.page.readpath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.model.ReadPath;
import dev.marquee.page.IntegrationTestSupport;
import dev.marquee.page.PageConstructionProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two more replicas next to the application context's, each with its own local read-path
 * file, on the real Cassandra node: a switch made on any replica is followed by every
 * other one.
 */
class SharedReadPathIntegrationTests extends IntegrationTestSupport {

	private static final SharedReadPathProperties FAST_POLL = new SharedReadPathProperties(Duration.ofMillis(100));

	private final Map<SharedReadPath, ReadPathSwitch> locals = new HashMap<>();

	@Test
	void aSwitchOnOneReplicaIsFollowedByTheOthers() throws Exception {
		awaitSchema();
		SharedReadPath first = replica("first");
		SharedReadPath second = replica("second");
		ReadPathSwitch secondLocal = localOf(second);
		try {
			first.switchTo(ReadPath.KAFKA_CASSANDRA);
			await().atMost(Duration.ofSeconds(10)).until(() -> secondLocal.active() == ReadPath.KAFKA_CASSANDRA);
			// The application's own replica follows too, and a switch made through its
			// API reaches the others.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> json(get("/admin/read-path", ADMIN)).path("readPath")
					.asString()
					.equals("KAFKA_CASSANDRA"));
			assertThat(put("/admin/read-path", "{\"readPath\":\"HOLLOW\"}", ADMIN).statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> secondLocal.active() == ReadPath.HOLLOW);
			assertThat(second.poll()).contains(ReadPath.HOLLOW);
		}
		finally {
			put("/admin/read-path", "{\"readPath\":\"HOLLOW\"}", ADMIN);
			first.destroy();
			second.destroy();
		}
	}

	private SharedReadPath replica(String name) throws Exception {
		Path home = Files.createTempDirectory("marquee-replica-" + name);
		ReadPathSwitch local = new ReadPathSwitch(new PageConstructionProperties(home,
				new PageConstructionProperties.ReadPathSettings(ReadPath.HOLLOW), null, null, null, null));
		SharedReadPath shared = new SharedReadPath(() -> this.session, local, FAST_POLL, Clock.systemUTC(), name);
		shared.start();
		this.locals.put(shared, local);
		return shared;
	}

	private ReadPathSwitch localOf(SharedReadPath shared) {
		return this.locals.get(shared);
	}

}
