package dev.marquee.ingestion.webhook;

import org.springframework.http.HttpStatus;

import dev.marquee.ingestion.system.ProblemException;

/**
 * The problems every webhook endpoint answers with.
 */
final class WebhookProblems {

	private WebhookProblems() {
	}

	static ProblemException badSignature(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid webhook signature", detail);
	}

	static ProblemException expired(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "expired-signature", "Expired webhook signature", detail);
	}

	static ProblemException malformed(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
	}

	static ProblemException badRequest(String slug, String title, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, slug, title, detail);
	}

	static ProblemException unknownContentType(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-content-type", "Unknown content type",
				detail);
	}

	static ProblemException invalid(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document", "Invalid document", detail);
	}

}
