package dev.marquee.infra;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopologyTests {

	@Test
	void optionsAskForAClusterAndReplicas() {
		assertThat(Topology.of(List.of("--detach", "--cluster", "--page-replicas", "3"), Topology.SINGLE))
			.isEqualTo(new Topology(true, 3));
		assertThat(Topology.of(List.of("--page-replicas", "2"), Topology.SINGLE)).isEqualTo(new Topology(false, 2));
		assertThat(Topology.of(List.of(), Topology.SINGLE)).isEqualTo(Topology.SINGLE);
	}

	@Test
	void aRunningPlatformsShapeIsKeptWhenUpIsRunAgainWithoutOptions() {
		// `up` on a running platform starts what is missing: it must not shrink a cluster
		// to one node
		Topology running = new Topology(true, 2);

		assertThat(Topology.of(List.of(), running)).isEqualTo(running);
		assertThat(Topology.of(List.of("--page-replicas", "4"), running)).isEqualTo(new Topology(true, 4));
	}

	@Test
	void replicasMustBeAPositiveNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topology.of(List.of("--page-replicas"), Topology.SINGLE))
			.withMessageContaining("needs a number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Topology.of(List.of("--page-replicas", "two"), Topology.SINGLE))
			.withMessageContaining("not two");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Topology.of(List.of("--page-replicas", "0"), Topology.SINGLE))
			.withMessageContaining("at least 1");
	}

	@Test
	void statusAndDownReadWhatUpSaved(@TempDir Path home) {
		assertThat(Topology.read(home)).as("nothing started yet").isEqualTo(Topology.SINGLE);

		new Topology(true, 3).write(home);

		assertThat(Topology.read(home)).isEqualTo(new Topology(true, 3));
	}

}
