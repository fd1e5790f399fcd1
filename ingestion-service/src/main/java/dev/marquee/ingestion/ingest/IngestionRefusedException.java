package dev.marquee.ingestion.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A delivery ingestion refuses for a reason of its own (not a rendering problem, not a
 * write path down); nothing of it was published. The web layer turns it into the caller's
 * answer.
 */
public class IngestionRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final transient Map<String, Object> details = new LinkedHashMap<>();

	IngestionRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	IngestionRefusedException with(String name, Object value) {
		this.details.put(name, value);
		return this;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * What the caller needs to act on it, in order: the owner of a slug or document, the
	 * field-level errors, ….
	 * @return the details by name
	 */
	public Map<String, Object> details() {
		return Collections.unmodifiableMap(this.details);
	}

	/** Why a delivery was refused. */
	public enum Reason {

		/** The delivery id was processed before with another body. */
		DELIVERY_ID_REUSED,

		/** Another source created the document. */
		DOCUMENT_OWNED_BY_OTHER_SOURCE,

		/** Another page holds the slug in a stage the delivery writes. */
		SLUG_TAKEN,

		/** The version or the fields are unusable. */
		INVALID_DOCUMENT

	}

}
