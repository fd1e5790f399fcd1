package dev.marquee.ingestion.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.marquee.support.problem.Problems;

/**
 * A failure the caller sees as an RFC 9457 problem with a stable type URI
 * ({@code https://marquee.dev/problems/<slug>}, {@link Problems}).
 */
public class ProblemException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final transient Map<String, Object> properties = new LinkedHashMap<>();

	private final @Nullable Duration retryAfter;

	public ProblemException(HttpStatus status, String slug, String title, String detail) {
		this(status, slug, title, detail, null, null);
	}

	public ProblemException(HttpStatus status, String slug, String title, String detail, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(detail, cause);
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.retryAfter = retryAfter;
	}

	/**
	 * The most entries a list member of a problem carries; {@code <name>Total} then says
	 * how many there were.
	 */
	public static final int MAX_LIST_ENTRIES = 100;

	/**
	 * Adds a member to the problem's body. A list longer than {@value #MAX_LIST_ENTRIES}
	 * entries is cut to its first {@value #MAX_LIST_ENTRIES}, and {@code <name>Total}
	 * gives the full count: a 1 MB page with 100,000 bad elements would otherwise answer
	 * with megabytes of errors that no caller reads.
	 * @param name the member name
	 * @param value its value
	 * @return this problem
	 */
	public ProblemException with(String name, Object value) {
		if (value instanceof List<?> list && list.size() > MAX_LIST_ENTRIES) {
			this.properties.put(name, new ArrayList<>(list.subList(0, MAX_LIST_ENTRIES)));
			this.properties.put(name + "Total", list.size());
			return this;
		}
		this.properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The problem's body.
	 * @return a new problem detail
	 */
	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = Problems.problem(this.status, this.slug, this.title, getMessage());
		this.properties.forEach(problem::setProperty);
		return problem;
	}

	/**
	 * A dependency (Cassandra, Kafka, hollow producer) is down: 503 with
	 * {@code Retry-After}, so the CMS retries.
	 * @param slug the problem type slug
	 * @param detail what is down
	 * @param cause the failure
	 * @return the problem
	 */
	public static ProblemException unavailable(String slug, String detail, @Nullable Throwable cause) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, slug, "Dependency unavailable", detail,
				Duration.ofSeconds(5), cause);
	}

}
