package dev.marquee.consumer.system;

import java.net.URI;

import com.datastax.oss.driver.api.core.DriverException;
import org.apache.kafka.common.KafkaException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.consumer.projection.CassandraFailures;

/**
 * Dependency failures as RFC 9457 problems: 503 with {@code Retry-After}, so callers retry later. Spring MVC's
 * own errors are problem details too ({@code spring.mvc.problemdetails.enabled}).
 */
@RestControllerAdvice
class ProblemDetails {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> cassandraFailed(DriverException ex) {
		String slug = CassandraFailures.isOutage(ex) ? "cassandra-unavailable" : "cassandra-error";
		return unavailable(slug, "Cassandra unavailable", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> kafkaFailed(KafkaException ex) {
		return unavailable("kafka-unavailable", "Kafka unavailable", ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> unavailable(String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setType(URI.create("https://marquee.dev/problems/" + slug));
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
	}

}
