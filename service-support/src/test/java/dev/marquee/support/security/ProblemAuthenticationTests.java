package dev.marquee.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAuthenticationTests {

	@Test
	void aMissingOrWrongLoginIsA401ProblemWithABasicChallenge() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		new ProblemAuthenticationEntryPoint().commence(new MockHttpServletRequest("GET", "/admin/x"), response,
				new BadCredentialsException("bad"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"marquee\"");
		JsonNode body = JsonMapper.shared().readTree(response.getContentAsByteArray());
		assertThat(body.path("type").asString()).isEqualTo("https://marquee.dev/problems/unauthorized");
		assertThat(body.path("status").asInt()).isEqualTo(401);
		assertThat(body.path("instance").asString()).isEqualTo("/admin/x");
	}

	@Test
	void aScriptGetsItsUnauthorizedWithoutAChallengeSoThePageShowsItsOwnLogin() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/demo-edit");
		request.addHeader("X-Requested-With", "XMLHttpRequest");
		MockHttpServletResponse response = new MockHttpServletResponse();

		new ProblemAuthenticationEntryPoint().commence(request, response, new BadCredentialsException("bad"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isNull();
	}

	@Test
	void aKnownUserWithoutTheRoleIsA403Problem() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		new ProblemAccessDeniedHandler().handle(new MockHttpServletRequest("GET", "/admin/x"), response,
				new AccessDeniedException("no"));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode body = JsonMapper.shared().readTree(response.getContentAsByteArray());
		assertThat(body.path("type").asString()).isEqualTo("https://marquee.dev/problems/forbidden");
	}

}
