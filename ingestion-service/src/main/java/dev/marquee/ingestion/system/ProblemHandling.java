package dev.marquee.ingestion.system;

import com.datastax.oss.driver.api.core.DriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into {@code application/problem+json}: our own {@link ProblemException}s with their
 * stable types, Spring MVC's own errors through {@link ResponseEntityExceptionHandler}, a Cassandra
 * failure that escaped as 503, and anything unexpected as a 500 problem.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandling.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		if (ex.status().is5xxServerError()) {
			logger.warn("Answering {}: {}", ex.status().value(), ex.getMessage(), ex.getCause());
		}
		else {
			logger.info("Answering {}: {}", ex.status().value(), ex.getMessage());
		}
		return respond(ex);
	}

	@ExceptionHandler(DriverException.class)
	ResponseEntity<ProblemDetail> storeDown(DriverException ex) {
		return problem(ProblemException.unavailable("store-unavailable",
				"The write-side store (Cassandra) is unavailable: " + ex.getMessage(), ex));
	}

	/**
	 * Anything else is our bug, but the caller still gets a problem (not Boot's error page) and the log the stack.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Answering 500: unexpected {}", ex.toString(), ex);
		return respond(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request could not be processed; the failure is logged with this request's trace id"));
	}

	static ResponseEntity<ProblemDetail> respond(ProblemException ex) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.retryAfter() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
		}
		return builder.body(ex.toProblemDetail());
	}

	static ProblemDetail unauthorized(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail)
			.toProblemDetail();
	}

}
