package dev.marquee.ingestion.system;

import com.datastax.oss.driver.api.core.DriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.support.problem.ProblemHandling;
import dev.marquee.support.problem.Problems;

/**
 * Ingestion's own failures as {@code application/problem+json}: its {@link ProblemException}s with their stable
 * types, and a Cassandra failure that escaped as 503. Spring MVC's errors and anything unexpected are
 * service-support's {@link ProblemHandling}, asked after this.
 */
@RestControllerAdvice
@Order(ProblemHandling.SERVICE_ORDER)
class IngestionProblems {

	private static final Logger logger = LoggerFactory.getLogger(IngestionProblems.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		if (ex.status().is5xxServerError()) {
			logger.warn("Answering {}: {}", ex.status().value(), ex.getMessage(), ex.getCause());
		}
		else {
			logger.info("Answering {}: {}", ex.status().value(), ex.getMessage());
		}
		return Problems.respond(ex.toProblemDetail(), ex.retryAfter());
	}

	@ExceptionHandler(DriverException.class)
	ResponseEntity<ProblemDetail> storeDown(DriverException ex) {
		return problem(ProblemException.unavailable("store-unavailable",
				"The write-side store (Cassandra) is unavailable: " + ex.getMessage(), ex));
	}

}
