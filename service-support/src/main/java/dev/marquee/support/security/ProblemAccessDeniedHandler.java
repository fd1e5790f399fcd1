package dev.marquee.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A 403 as a problem ({@code https://marquee.dev/problems/forbidden}): the user is known
 * but lacks the role.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your user lacks the role this endpoint needs");
	}

}
