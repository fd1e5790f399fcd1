package dev.marquee.support.problem;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problems as every Marquee service writes them: a stable {@code type} under
 * {@value #TYPE_PREFIX}, a title, a detail, and for a dependency that is down a
 * {@code Retry-After}.
 */
public final class Problems {

	/** Prefix of every problem type URI. */
	public static final String TYPE_PREFIX = "https://marquee.dev/problems/";

	private Problems() {
	}

	/**
	 * A problem with a stable type.
	 * @param status the status
	 * @param slug the last segment of its type URI
	 * @param title the title, the same for every problem of this type
	 * @param detail what happened this time
	 * @return a new problem
	 */
	public static ProblemDetail problem(HttpStatus status, String slug, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The type URI of a slug.
	 * @param slug the slug
	 * @return {@value #TYPE_PREFIX} followed by the slug
	 */
	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

	/**
	 * The answer carrying a problem, as {@code application/problem+json}.
	 * @param problem the problem, whose status is the answer's
	 * @param retryAfter when the caller may try again, null for no {@code Retry-After}
	 * @return the answer
	 */
	public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, @Nullable Duration retryAfter) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return builder.body(problem);
	}

	/**
	 * The answer carrying a problem, without {@code Retry-After}.
	 * @param problem the problem
	 * @return the answer
	 */
	public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return respond(problem, null);
	}

}
