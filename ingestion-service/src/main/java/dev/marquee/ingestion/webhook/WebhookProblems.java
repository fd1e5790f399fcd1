package dev.marquee.ingestion.webhook;

import org.springframework.http.HttpStatus;

import dev.marquee.ingestion.system.ProblemException;

/**
 * The problems every webhook endpoint answers with.
 */
public final class WebhookProblems {

	private WebhookProblems() {
	}

	public static ProblemException badSignature(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid webhook signature", detail);
	}

	public static ProblemException expired(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "expired-signature", "Expired webhook signature", detail);
	}

	public static ProblemException malformed(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", detail);
	}

	public static ProblemException badRequest(String slug, String title, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, slug, title, detail);
	}

	public static ProblemException unknownContentType(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-content-type", "Unknown content type",
				detail);
	}

	public static ProblemException invalid(String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-document", "Invalid document", detail);
	}

}
