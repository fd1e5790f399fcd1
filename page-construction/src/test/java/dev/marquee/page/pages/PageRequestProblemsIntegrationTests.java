package dev.marquee.page.pages;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.marquee.page.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class PageRequestProblemsIntegrationTests extends IntegrationTestSupport {

	@Test
	void theErrorPageCalledDirectlyIsANotFoundProblem() {
		HttpResponse<String> error = get("/error", null);

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(error.body()).contains("https://marquee.dev/problems/not-found");
	}

	@Test
	void listingParametersOutOfRangeAreTheCallersMistake() {
		for (String query : new String[] { "size=0", "size=1001", "page=-1", "size=-5", "page=abc", "size=1e3" }) {
			HttpResponse<String> response = get("/pages?" + query, null);

			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void listingParametersInRangeAreServed() {
		for (String query : new String[] { "size=1", "size=1000", "page=0", "page=3&size=10" }) {
			assertThat(get("/pages?" + query, null).statusCode()).as(query).isEqualTo(200);
		}
	}

}
