package dev.marquee.support.problem;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTests {

	private final ProblemErrorController controller = new ProblemErrorController();

	@Test
	void calledDirectlyThereIsNothingToReport() {
		ResponseEntity<ProblemDetail> answer = this.controller.error(new MockHttpServletRequest("GET", "/error"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody().getType()).hasToString("https://marquee.dev/problems/not-found");
	}

	@Test
	void aForwardedErrorKeepsItsStatusAndGetsAStableType() {
		assertForwarded(413, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
		assertForwarded(405, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
		assertForwarded(418, HttpStatus.I_AM_A_TEAPOT, "request-refused");
		assertForwarded(503, HttpStatus.SERVICE_UNAVAILABLE, "internal-error");
		// not an error status at all: the container had a failure it did not describe
		assertForwarded(200, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
	}

	private void assertForwarded(int code, HttpStatus status, String slug) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, code);

		ResponseEntity<ProblemDetail> answer = this.controller.error(request);

		assertThat(answer.getStatusCode()).isEqualTo(status);
		assertThat(answer.getBody().getType()).hasToString("https://marquee.dev/problems/" + slug);
		assertThat(answer.getBody().getStatus()).isEqualTo(status.value());
	}

}
