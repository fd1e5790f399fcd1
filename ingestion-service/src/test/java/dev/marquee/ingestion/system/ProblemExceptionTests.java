package dev.marquee.ingestion.system;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionTests {

	@Test
	void aLongListIsCutToItsFirstHundredWithTheTotal() {
		List<Map<String, String>> errors = IntStream.range(0, 200_001)
			.mapToObj((i) -> Map.of("field", "e" + i))
			.toList();

		ProblemDetail problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "template-violation", "T", "d")
			.with("errors", errors)
			.toProblemDetail();

		assertThat((List<?>) problem.getProperties().get("errors")).hasSize(100)
			.first()
			.isEqualTo(Map.of("field", "e0"));
		assertThat(problem.getProperties()).containsEntry("errorsTotal", 200_001);
	}

	@Test
	void aShortListIsKeptWhole() {
		ProblemDetail problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "x", "T", "d")
			.with("errors", List.of("a", "b"))
			.toProblemDetail();

		assertThat(problem.getProperties()).containsEntry("errors", List.of("a", "b")).doesNotContainKey("errorsTotal");
	}

}
