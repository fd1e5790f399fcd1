package dev.marquee.page.dashboard;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Why a demo edit could not be published, with the problem type and status it answers
 * with.
 */
final class DemoEditException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final transient @Nullable JsonNode ingestionAnswer;

	private final @Nullable Integer ingestionStatus;

	private DemoEditException(HttpStatus status, String type, String title, String detail,
			@Nullable Integer ingestionStatus, @Nullable JsonNode ingestionAnswer) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.ingestionStatus = ingestionStatus;
		this.ingestionAnswer = ingestionAnswer;
	}

	static DemoEditException pageNotFound(String detail) {
		return new DemoEditException(HttpStatus.NOT_FOUND, "demo-page-not-found", "No page to edit", detail, null,
				null);
	}

	static DemoEditException noHero(String detail) {
		return new DemoEditException(HttpStatus.UNPROCESSABLE_CONTENT, "demo-page-without-hero",
				"Page has no hero heading", detail, null, null);
	}

	static DemoEditException pendingDraft(String detail) {
		return new DemoEditException(HttpStatus.CONFLICT, "demo-pending-draft", "Page has a pending draft", detail,
				null, null);
	}

	static DemoEditException ingestionUnavailable(String detail) {
		return new DemoEditException(HttpStatus.SERVICE_UNAVAILABLE, "demo-ingestion-unavailable",
				"Ingestion unreachable", detail, null, null);
	}

	static DemoEditException refused(int status, JsonNode answer) {
		// Ingestion's own problem says why (e.g. a 401 for a secret that differs from
		// ingestion's); a 5xx there
		// means a write path is down, which this endpoint reports as a dependency failure
		// too.
		HttpStatus answerStatus = (status >= 500) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
		String detail = answer.path("detail").isString() ? answer.path("detail").asString() : answer.toString();
		return new DemoEditException(answerStatus, "demo-edit-refused", "Ingestion refused the demo edit",
				"Ingestion answered HTTP " + status + ": " + detail, status, answer);
	}

	HttpStatus status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	String title() {
		return this.title;
	}

	@Nullable Integer ingestionStatus() {
		return this.ingestionStatus;
	}

	@Nullable JsonNode ingestionAnswer() {
		return this.ingestionAnswer;
	}

}
