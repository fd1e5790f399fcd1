package dev.marquee.ingestion;

import org.junit.jupiter.api.Test;

import dev.marquee.ingestion.IngestionProperties.WritePath;

import static org.assertj.core.api.Assertions.assertThat;

class WritePathsShorthandTests {

	@Test
	void plainListEnablesThosePathsWithDefaultsForTheRest() {
		IngestionProperties.WritePaths paths = new WritePathsShorthand().convert(" kafka ");

		assertThat(paths.enabled()).containsExactly(WritePath.KAFKA);
		assertThat(paths.hollow().url()).hasToString("http://127.0.0.1:8083");
		assertThat(new WritePathsShorthand().convert("KAFKA,HOLLOW").enabled())
			.containsExactlyInAnyOrder(WritePath.KAFKA, WritePath.HOLLOW);
	}

}
