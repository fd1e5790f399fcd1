package dev.marquee.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A 401 as a problem ({@code https://marquee.dev/problems/unauthorized}) with a Basic
 * challenge. A script asking with {@code X-Requested-With: XMLHttpRequest} gets no
 * challenge, so a browser page shows its own login form instead of the browser's password
 * dialog.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	/** The challenge every service sends. */
	public static final String CHALLENGE = "Basic realm=\"marquee\"";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		}
		ProblemResponse.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
				"This endpoint needs HTTP Basic credentials; missing or wrong ones were sent");
	}

}
