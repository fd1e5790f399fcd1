package dev.marquee.ingestion.webhook;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.ingestion.ingest.IngestionRefusedException;
import dev.marquee.ingestion.publish.WritePathUnavailableException;
import dev.marquee.ingestion.render.RenderException;
import dev.marquee.ingestion.system.ProblemException;

/**
 * The answers to what the write path refuses or cannot do, as RFC 9457 problems: a refused delivery (409, 422), a
 * document that does not render (422 {@code template-violation} or {@code unresolved-references}), a write path
 * that is down (503 with {@code Retry-After}). Ordered before the service's catch-all problem handling, which would
 * otherwise take these exceptions for bugs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestionProblems {

	private static final Logger logger = LoggerFactory.getLogger(IngestionProblems.class);

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
			case DELIVERY_ID_REUSED -> new ProblemException(HttpStatus.CONFLICT, "delivery-id-reused",
					"Delivery id reused", ex.getMessage());
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

	// As the service's problem handling answers every ProblemException: logged by class of status, Retry-After kept.
	private static ResponseEntity<ProblemDetail> respond(ProblemException ex) {
		if (ex.status().is5xxServerError()) {
			logger.warn("Answering {}: {}", ex.status().value(), ex.getMessage(), ex.getCause());
		}
		else {
			logger.info("Answering {}: {}", ex.status().value(), ex.getMessage());
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(ex.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.retryAfter() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
		}
		return builder.body(ex.toProblemDetail());
	}

}
