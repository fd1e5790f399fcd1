package dev.marquee.ingestion.webhook;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class IngestionProblemsTests {

	private final IngestionProblems problems = new IngestionProblems();

	@Test
	void aStoreFailureIsA503WhetherTheDriverOrSpringDataReportsIt() {
		for (RuntimeException failure : new RuntimeException[] {
				AllNodesFailedException.fromErrors(java.util.List.of()),
				new DataAccessResourceFailureException("no node available"),
				new QueryTimeoutException("read timed out") }) {
			ResponseEntity<ProblemDetail> answer = this.problems.storeDown(failure);
			assertThat(answer.getStatusCode()).as(failure.getClass().getSimpleName())
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(answer.getBody().getType().toString()).endsWith("store-unavailable");
			assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
		}
	}

}
