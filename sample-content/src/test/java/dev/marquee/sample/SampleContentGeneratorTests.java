package dev.marquee.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleContentGeneratorTests {

	@Test
	void generatesTheAgreedAmountsInPostOrder() {
		Map<String, List<String>> files = SampleContentGenerator.files();

		assertThat(files.keySet()).containsExactly("01-assets.json", "02-talent.json", "03-titles.json",
				"04-pages.json");
		assertThat(files.get("01-assets.json")).hasSize(300);
		assertThat(files.get("02-talent.json")).hasSize(100);
		assertThat(files.get("03-titles.json")).hasSize(200);
		assertThat(files.get("04-pages.json")).hasSize(20);
		assertThat(List.copyOf(files.keySet())).isSorted();
	}

	@Test
	void committedSampleFilesAreExactlyTheGeneratorsOutput() throws IOException {
		Path sample = Path.of("..", "sample");
		for (Map.Entry<String, List<String>> file : SampleContentGenerator.files().entrySet()) {
			assertThat(Files.readString(sample.resolve(file.getKey()), StandardCharsets.UTF_8))
				.as("sample/%s is stale: run SampleContentGenerator", file.getKey())
				.isEqualTo(SampleContentGenerator.toArray(file.getValue()));
		}
	}

}
