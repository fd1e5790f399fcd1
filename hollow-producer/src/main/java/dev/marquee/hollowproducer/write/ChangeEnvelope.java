package dev.marquee.hollowproducer.write;

import dev.marquee.model.PageChanged;
import dev.marquee.model.PageChanged.ChangeKind;
import dev.marquee.model.json.MarqueeJson;

/**
 * One page change as the write path carries it: what last-write-wins needs (its page
 * stage, kind and content version) and the change's JSON, the one serialised copy that
 * the log stores and serves. Only a cycle's winners are ever decoded into a
 * {@link PageChanged}, so a request's pages are parsed into objects at most once, and
 * only when they make it into a Hollow state.
 *
 * @param key the page stage
 * @param kind upsert or delete
 * @param contentVersion the change's content version
 * @param json the change's UTF-8 JSON (a {@link PageChanged}); compared by identity
 */
record ChangeEnvelope(PageKey key, ChangeKind kind, long contentVersion, byte[] json) {

	/**
	 * The envelope of a change serialised here (tests, and callers that hold objects).
	 * @param change the change
	 * @return its envelope
	 */
	static ChangeEnvelope of(PageChanged change) {
		return new ChangeEnvelope(PageKey.of(change), change.kind(), change.contentVersion(),
				MarqueeJson.write(change));
	}

	boolean deleted() {
		return this.kind == ChangeKind.DELETED;
	}

	/**
	 * Parses the whole change, page included.
	 * @return the change
	 * @throws tools.jackson.core.JacksonException when the JSON is not a valid change
	 */
	PageChanged decode() {
		return MarqueeJson.readPageChanged(this.json);
	}

}
