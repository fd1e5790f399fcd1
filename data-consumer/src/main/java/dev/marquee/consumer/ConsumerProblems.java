package dev.marquee.consumer;

import java.time.Duration;

import com.datastax.oss.driver.api.core.DriverException;
import org.apache.kafka.common.KafkaException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.marquee.consumer.projection.CassandraFailures;
import dev.marquee.support.problem.ProblemHandling;
import dev.marquee.support.problem.Problems;

/**
 * The data consumer's own failures as problems: a dependency down is 503 with
 * {@code Retry-After}, so callers retry later. Everything else is service-support's
 * {@link ProblemHandling}.
 */
@RestControllerAdvice
@Order(ProblemHandling.SERVICE_ORDER)
class ConsumerProblems {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

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
		return Problems.respond(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, slug, title, detail), RETRY_AFTER);
	}

}
