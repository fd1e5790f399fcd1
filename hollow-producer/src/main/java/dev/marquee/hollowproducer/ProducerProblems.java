package dev.marquee.hollowproducer;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.hollowproducer.log.LogTruncatedException;
import dev.marquee.hollowproducer.log.UnknownOffsetException;
import dev.marquee.hollowproducer.write.InvalidWriteException;
import dev.marquee.hollowproducer.write.UnreadableWriteException;
import dev.marquee.hollowproducer.write.WriteUnavailableException;
import dev.marquee.model.writelog.WriteLog;
import dev.marquee.support.problem.ProblemHandling;
import dev.marquee.support.problem.Problems;

/**
 * The producer's own failures as problems with stable {@code type} URIs, and the request
 * errors it types itself (a body or parameter a client of the write API got wrong);
 * everything else is service-support's {@link ProblemHandling}, asked after this.
 */
@RestControllerAdvice
@Order(ProblemHandling.SERVICE_ORDER)
class ProducerProblems {

	@ExceptionHandler(WriteUnavailableException.class)
	ResponseEntity<ProblemDetail> writeUnavailable(WriteUnavailableException ex) {
		return Problems.respond(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "hollow-write-unavailable",
				"Write not durably accepted", ex.getMessage()), Duration.ofSeconds(1));
	}

	@ExceptionHandler(InvalidWriteException.class)
	ResponseEntity<ProblemDetail> invalidWrite(InvalidWriteException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-hollow-write", "Invalid write", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request body",
					"The body is not a valid request: " + ex.getMostSpecificCause().getMessage()));
	}

	@ExceptionHandler(UnreadableWriteException.class)
	ResponseEntity<ProblemDetail> unreadableWrite(UnreadableWriteException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request body",
					"The body is not a valid request: " + ex.getMessage()));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, TypeMismatchException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", ex.getMessage()));
	}

	@ExceptionHandler(LogTruncatedException.class)
	ResponseEntity<ProblemDetail> logTruncated(LogTruncatedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
		problem.setType(URI.create(WriteLog.TRUNCATED_PROBLEM_TYPE));
		problem.setTitle("Log entries truncated");
		problem.setProperty("stateOffset", ex.state().offset());
		problem.setProperty("stateVersion", ex.state().version());
		problem.setProperty("firstOffset", ex.firstOffset());
		return ResponseEntity.status(HttpStatus.GONE).body(problem);
	}

	@ExceptionHandler(UnknownOffsetException.class)
	ResponseEntity<ProblemDetail> unknownOffset(UnknownOffsetException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.problem(HttpStatus.BAD_REQUEST, "unknown-log-offset", "Unknown log offset",
					ex.getMessage()));
	}

	@ExceptionHandler(dev.marquee.hollowproducer.blob.BlobNotFound.class)
	ResponseEntity<ProblemDetail> blobNotFound(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.problem(HttpStatus.NOT_FOUND, "hollow-blob-not-found", "No such blob",
					"No blob matches; a consumer falls back to a snapshot"));
	}

}
