package dev.marquee.consumer.projection;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

import dev.marquee.model.Element;
import dev.marquee.model.json.MarqueeJson;

/**
 * Decides which {@code element_by_id} rows a version of a page must write or delete, by
 * comparing it with the version {@code elements_by_page} holds (the page's previous
 * version, read before writing).
 *
 * <p>
 * An element row is skipped only when the stored partition is not newer than the new
 * version and holds, at the element's position, a row of the same element id whose body
 * has the same SHA-256: the element's {@code element_by_id} row then already holds
 * exactly what this version would write (position, type and body; the body is the whole
 * element, id, type and position included). That holds because {@code element_by_id} is
 * always written <em>before</em> {@code elements_by_page}, so a version visible in
 * {@code elements_by_page} has all its element rows acknowledged. A skipped row keeps the
 * write time (and {@code content_version}) of the version that last changed it; nothing
 * can shadow it later, because every delete that reaches {@code element_by_id} is decided
 * against this same stored version: removals of a newer version are at
 * {@code version - 1} and only for elements it dropped, and an older, late delete or
 * upsert is recognised as superseded and writes no element row at all.
 */
final class ElementRows {

	/**
	 * Sorted map keys: the same element always gives the same bytes, hence the same hash,
	 * in every JVM.
	 */
	private static final ObjectWriter BODY_WRITER = MarqueeJson.mapper()
		.writer()
		.with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	private ElementRows() {
	}

	/**
	 * Serializes an element once, for both element tables.
	 * @param element the element
	 * @return its JSON body (UTF-8) and that body's SHA-256
	 */
	static Encoded encode(Element element) {
		byte[] body = BODY_WRITER.writeValueAsBytes(element);
		return new Encoded(element, ByteBuffer.wrap(body), ByteBuffer.wrap(sha256().digest(body)));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

	/**
	 * The element rows a version must write and delete.
	 * @param elements the new version's elements, encoded
	 * @param stored what {@code elements_by_page} held before this version
	 * @param version the new version
	 * @return the plan
	 */
	static Plan plan(List<Encoded> elements, Stored stored, long version) {
		if (stored.version() > version) {
			// An older, late version: its rows would lose where the newer version wrote,
			// but could win over rows
			// the newer version skipped (older write times), so it writes none.
			return new Plan(false, List.of(), List.of());
		}
		Set<String> ids = new HashSet<>();
		boolean uniqueIds = true;
		for (Encoded element : elements) {
			uniqueIds &= ids.add(element.element().elementId());
		}
		List<Encoded> writes = new ArrayList<>();
		for (Encoded element : elements) {
			// With a repeated element id two rows share one key; writing all keeps the
			// pre-existing behaviour.
			if (!uniqueIds || !stored.holds(element)) {
				writes.add(element);
			}
		}
		List<String> deletes = new ArrayList<>();
		for (StoredElement row : stored.byPosition().values()) {
			if (!ids.contains(row.elementId())) {
				deletes.add(row.elementId());
			}
		}
		return new Plan(true, writes, deletes);
	}

	/**
	 * An element serialized for the tables.
	 *
	 * @param element the element
	 * @param body its JSON, UTF-8
	 * @param hash SHA-256 of the body
	 */
	record Encoded(Element element, ByteBuffer body, ByteBuffer hash) {
	}

	/**
	 * A row of {@code elements_by_page} as read before a write.
	 *
	 * @param elementId its element id
	 * @param hash the SHA-256 of its body, null for rows written before the hash column
	 * existed
	 * @param version its write time
	 */
	record StoredElement(String elementId, @Nullable ByteBuffer hash, long version) {
	}

	/**
	 * What {@code elements_by_page} holds for a page and stage.
	 *
	 * @param version the highest write time of its rows, {@code Long.MIN_VALUE} when it
	 * has none
	 * @param byPosition its rows by position
	 */
	record Stored(long version, Map<Integer, StoredElement> byPosition) {

		static final Stored EMPTY = new Stored(Long.MIN_VALUE, Map.of());

		boolean holds(Encoded element) {
			StoredElement row = this.byPosition.get(element.element().position());
			return row != null && row.version() == this.version && row.hash() != null
					&& row.elementId().equals(element.element().elementId()) && row.hash().equals(element.hash());
		}

		List<String> elementIds() {
			return this.byPosition.values().stream().map(StoredElement::elementId).toList();
		}

	}

	/**
	 * What to do to {@code element_by_id}.
	 *
	 * @param newest whether the version is at least as new as the stored one
	 * @param writes the elements whose rows are written at the version
	 * @param deletes the element ids whose rows are deleted at {@code version - 1}
	 * (dropped by this version)
	 */
	record Plan(boolean newest, List<Encoded> writes, List<String> deletes) {
	}

}
