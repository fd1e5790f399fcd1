package dev.marquee.ingestion.render;

import java.util.List;

/**
 * A document could not be rendered; nothing of it is published.
 */
public class RenderException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Violation> violations;

	public RenderException(List<Violation> violations) {
		super(violations.size() + " problem(s): " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * Whether every problem is an unresolved reference (the document itself is valid).
	 * @return true when only references failed
	 */
	public boolean onlyUnresolvedReferences() {
		return this.violations.stream().allMatch((violation) -> violation.kind() == Violation.Kind.REFERENCE);
	}

}
