package dev.marquee.consumer;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPageIntegrationTests extends IntegrationTestSupport {

	@Test
	void theErrorPageCalledDirectlyIsANotFoundProblem() {
		HttpResponse<String> error = http("GET", "/error", null);

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(error.body()).contains("https://marquee.dev/problems/not-found");
	}

}
