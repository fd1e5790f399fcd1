package dev.marquee.ingestion.webhook;

import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.DriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.ingestion.ingest.IngestionRefusedException;
import dev.marquee.ingestion.publish.WritePathUnavailableException;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.system.ProblemException;
import dev.marquee.support.problem.ProblemHandling;
import dev.marquee.support.problem.Problems;

/**
 * Ingestion's own failures as RFC 9457 problems: a refused delivery (409, 422), a
 * document that does not render (422 {@code template-violation} or
 * {@code unresolved-references}), a write path that is down (503 with
 * {@code Retry-After}), a Cassandra failure that escaped (503), and every
 * {@link ProblemException} with its stable type. Spring MVC's errors and anything
 * unexpected are service-support's {@link ProblemHandling}, asked after this.
 */
@RestControllerAdvice
@Order(ProblemHandling.SERVICE_ORDER)
class IngestionProblems {

	private static final Logger logger = LoggerFactory.getLogger(IngestionProblems.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		return respond(ex);
	}

	// The driver's own exceptions (the webhook path's prepared statements) and Spring
	// Data's translation of them (the CqlTemplate reads): both mean the store is down.
	@ExceptionHandler({ DriverException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class })
	ResponseEntity<ProblemDetail> storeDown(RuntimeException ex) {
		return respond(ProblemException.unavailable("store-unavailable",
				"The write-side store (Cassandra) is unavailable: " + ex.getMessage(), ex));
	}

	@ExceptionHandler(IngestionRefusedException.class)
	ResponseEntity<ProblemDetail> refused(IngestionRefusedException ex) {
		return respond(problem(ex));
	}

	@ExceptionHandler(RenderException.class)
	ResponseEntity<ProblemDetail> unrenderable(RenderException ex) {
		return respond(problem(ex));
	}

	@ExceptionHandler(WritePathUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(WritePathUnavailableException ex) {
		return respond(problem(ex));
	}

	static ProblemException problem(IngestionRefusedException ex) {
		ProblemException problem = switch (ex.reason()) {
			case DELIVERY_ID_REUSED ->
				new ProblemException(HttpStatus.CONFLICT, "delivery-id-reused", "Delivery id reused", ex.getMessage());
			case DOCUMENT_OWNED_BY_OTHER_SOURCE -> new ProblemException(HttpStatus.CONFLICT,
					"document-owned-by-other-source", "Document owned by another source", ex.getMessage());
			case SLUG_TAKEN -> new ProblemException(HttpStatus.CONFLICT, "slug-taken", "Slug taken", ex.getMessage());
			case INVALID_DOCUMENT -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document",
					"Invalid document", ex.getMessage());
		};
		ex.details().forEach(problem::with);
		return problem;
	}

	static ProblemException problem(RenderException ex) {
		boolean references = ex.onlyUnresolvedReferences();
		List<Map<String, String>> errors = ex.violations()
			.stream()
			.map((violation) -> Map.of("field", violation.field(), "message", violation.message(), "kind",
					violation.kind().name()))
			.toList();
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
				references ? "unresolved-references" : "template-violation",
				references ? "Unresolved references" : "Template violation",
				references ? "The document references content that does not exist; nothing was published"
						: "The document does not satisfy its template; nothing was published")
			.with("errors", errors);
	}

	static ProblemException problem(WritePathUnavailableException ex) {
		String slug = switch (ex.path()) {
			case KAFKA -> "kafka-unavailable";
			case HOLLOW -> "hollow-unavailable";
		};
		return ProblemException.unavailable(slug, ex.getMessage(), ex.getCause());
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemException ex) {
		if (ex.status().is5xxServerError()) {
			logger.warn("Answering {}: {}", ex.status().value(), ex.getMessage(), ex.getCause());
		}
		else {
			logger.info("Answering {}: {}", ex.status().value(), ex.getMessage());
		}
		return Problems.respond(ex.toProblemDetail(), ex.retryAfter());
	}

}
