package dev.marquee.hollowproducer;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page as RFC 9457 problem details, in place of Spring Boot's default JSON: errors that
 * reach {@code /error} (the container's, or a failure no handler turned into a problem) keep this service's
 * error format. A request for {@code /error} itself names no resource: 404.
 */
@RestController
class ErrorProblems implements ErrorController {

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		String slug;
		String detail;
		if (status == null) {
			status = HttpStatus.NOT_FOUND;
			slug = "not-found";
			detail = "No such resource";
		}
		else {
			slug = switch (status) {
				case NOT_FOUND -> "not-found";
				case INTERNAL_SERVER_ERROR -> "internal-error";
				default -> "http-" + status.value();
			};
			detail = status.is5xxServerError() ? "The request failed in the service; see its log"
					: status.getReasonPhrase();
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://marquee.dev/problems/" + slug));
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
