package dev.marquee.support.problem;

import io.swagger.v3.oas.annotations.Hidden;
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
 * {@code /error}, where the servlet container forwards the errors it raises itself (a
 * request Tomcat refuses, a {@code sendError} from a filter): answered as a problem with
 * the original status, like every other error of a Marquee service. Called directly there
 * is no error to report, so it is a 404, not Boot's default 500. Replaces Boot's
 * {@code BasicErrorController}, which backs off when an {@link ErrorController} exists.
 */
@RestController
@Hidden // not an API of the service: where the container forwards its own errors
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer status)) {
			return problem(HttpStatus.NOT_FOUND, "not-found",
					"No error to report: /error is where the server forwards the errors it raises itself");
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved == null || !resolved.isError()) {
			resolved = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String slug = switch (resolved) {
			case BAD_REQUEST -> "bad-request";
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case CONTENT_TOO_LARGE -> "payload-too-large";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			default -> resolved.is5xxServerError() ? "internal-error" : "request-refused";
		};
		String detail = resolved.is5xxServerError() ? "The request failed in the service; see its log"
				: "The request was refused before it reached the application: " + resolved.getReasonPhrase();
		return problem(resolved, slug, detail);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String detail) {
		return Problems.respond(Problems.problem(status, slug, status.getReasonPhrase(), detail));
	}

}
