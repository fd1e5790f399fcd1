package dev.marquee.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The error handling every service shares: Spring MVC's own errors as problems (through
 * {@link ResponseEntityExceptionHandler}), and anything unexpected as a 500 problem with
 * the stack in the log, not Boot's error page. It comes last: a service's own advice,
 * ordered {@link #SERVICE_ORDER}, handles the exceptions of that service (and may answer
 * a Spring MVC error its own way) before this one is asked.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

	/** The order of a service's own exception handlers: before these shared ones. */
	public static final int SERVICE_ORDER = Ordered.HIGHEST_PRECEDENCE;

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandling.class);

	/**
	 * Anything no handler knows is a bug, but the caller still gets a problem.
	 * @param ex the failure
	 * @return a 500 problem
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Answering 500: unexpected {}", ex.toString(), ex);
		return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request could not be processed; the failure is logged with this request's trace id"));
	}

}
