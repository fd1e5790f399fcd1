package dev.marquee.page.pages;

import java.time.Duration;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.model.ConsistencyToken.InvalidConsistencyTokenException;
import dev.marquee.page.source.PathBehindException;
import dev.marquee.page.source.SourceUnavailableException;
import dev.marquee.page.source.TokenNotForPathException;
import dev.marquee.support.problem.ProblemHandling;
import dev.marquee.support.problem.Problems;

/**
 * Page construction's own failures as RFC 9457 problem+json with a stable {@code type}:
 * 4xx for the caller's mistakes, 503 with {@code Retry-After} when a read path is down or
 * behind. Everything else is service-support's {@link ProblemHandling}, asked after this.
 */
@RestControllerAdvice
@Order(ProblemHandling.SERVICE_ORDER)
class PageProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(PageNotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "page-not-found", "Page not found", ex.getMessage());
		problem.setProperty("readPath", ex.path());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidToken(InvalidConsistencyTokenException ex) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "invalid-consistency-token", "Invalid consistency token",
					ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tokenNotForPath(TokenNotForPathException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "token-not-for-path",
				"Consistency token does not cover this read path", ex.getMessage());
		problem.setProperty("readPath", ex.path());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> behind(PathBehindException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "read-path-behind",
				"Read path has not caught up with the write", ex.getMessage());
		problem.setProperty("readPath", ex.path());
		problem.setProperty("behindBy", ex.lag().behindBy());
		problem.setProperty("unit", ex.lag().unit());
		problem.setProperty("current", ex.lag().current());
		problem.setProperty("required", ex.lag().required());
		problem.setProperty("waitedMs", ex.waited().toMillis());
		return Problems.respond(problem, Duration.ofSeconds(1));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(SourceUnavailableException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "read-path-unavailable",
				"Read path unavailable", ex.getMessage());
		problem.setProperty("readPath", ex.path());
		return Problems.respond(problem, Duration.ofSeconds(5));
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.problem(status, type, title, detail);
	}

}
