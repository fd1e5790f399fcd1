package dev.marquee.ingestion.render;

import java.util.List;

/**
 * A document could not be rendered; nothing of it is published.
 */
public class RenderException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Violation> violations;

	public RenderException(List<Violation> violations) {
		// The message goes to logs: the first few problems say enough (a hostile page can
		// have 200,000).
		super(violations.size() + " problem(s): " + violations.subList(0, Math.min(10, violations.size()))
				+ ((violations.size() > 10) ? " …" : ""));
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
