package dev.marquee.page.readpath;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.model.ReadPath;
import dev.marquee.page.PageConstructionProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ReadPathSwitchTests {

	@TempDir
	Path home;

	@Test
	void startsOnTheConfiguredDefault() {
		assertThat(new ReadPathSwitch(properties(ReadPath.KAFKA_CASSANDRA)).active())
			.isEqualTo(ReadPath.KAFKA_CASSANDRA);
	}

	@Test
	void aSwitchSurvivesARestart() {
		ReadPathSwitch first = new ReadPathSwitch(properties(ReadPath.HOLLOW));
		assertThat(first.switchTo(ReadPath.KAFKA_CASSANDRA)).isEqualTo(ReadPath.HOLLOW);
		assertThat(first.active()).isEqualTo(ReadPath.KAFKA_CASSANDRA);
		assertThat(new ReadPathSwitch(properties(ReadPath.HOLLOW)).active()).isEqualTo(ReadPath.KAFKA_CASSANDRA);
	}

	private PageConstructionProperties properties(ReadPath defaultPath) {
		return new PageConstructionProperties(this.home, new PageConstructionProperties.ReadPathSettings(defaultPath),
				null, null, null, null);
	}

}
