package dev.marquee.consumer.projection;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

import dev.marquee.model.Element;
import dev.marquee.model.ReadSchema;
import dev.marquee.model.json.MarqueeJson;

/**
 * Decides which rows of {@code element_by_id} and {@code elements_by_page} a version of a
 * page must write or delete, by comparing it with the version stored before it (from
 * {@link StoredPages}, or read from {@code elements_by_page}).
 *
 * <p>
 * A row is skipped only when the stored state is <em>exact</em> (its rows are known to be
 * precisely the stored version's elements: what this process last wrote, or a partition
 * whose rows match the digest it was written with) and holds, at the element's position,
 * a body with the same SHA-256 (the body is the whole element, id, type and position
 * included). {@code element_by_id} rows are written <em>before</em>
 * {@code elements_by_page}, so a version visible in {@code elements_by_page} has all its
 * element rows acknowledged. A skipped row keeps the write time (and
 * {@code content_version}) of the version that last changed it; nothing can shadow it
 * later, because every delete that reaches these rows is decided against the same stored
 * version: removals of a newer version are only for elements or positions it dropped, and
 * an older, late delete or upsert is recognised as superseded and writes no element row
 * at all.
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
		return new Encoded(element, ByteBuffer.wrap(body), sha256().digest(body));
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
	 * The elements of a version in position order, the order of the partition's rows.
	 * @param elements encoded elements
	 * @return them sorted by position
	 */
	static List<Encoded> byPosition(List<Encoded> elements) {
		List<Encoded> sorted = new ArrayList<>(elements);
		sorted.sort(Comparator.comparingInt((Encoded encoded) -> encoded.element().position()));
		return sorted;
	}

	/**
	 * @param sorted elements in position order
	 * @return the digest naming them ({@link ReadSchema#elementsDigest})
	 */
	static ByteBuffer digest(List<Encoded> sorted) {
		return ReadSchema.elementsDigest(sorted.stream().map((encoded) -> ByteBuffer.wrap(encoded.hash())).toList());
	}

	/**
	 * The rows a version must write and delete.
	 * @param elements the new version's elements, encoded, in position order
	 * @param stored what was stored before this version
	 * @param version the new version
	 * @return the plan
	 */
	static Plan plan(List<Encoded> elements, Stored stored, long version) {
		if (stored.version() > version) {
			// An older, late version: its rows would lose where the newer version wrote,
			// but could win over rows the newer version skipped (older write times), so
			// it
			// writes none.
			return new Plan(false, List.of(), List.of(), false, List.of(), List.of());
		}
		Set<String> ids = new HashSet<>();
		Set<Integer> positions = new HashSet<>();
		boolean unique = true;
		for (Encoded element : elements) {
			unique &= ids.add(element.element().elementId());
			unique &= positions.add(element.element().position());
		}
		// With a repeated element id (or position) two rows share one key: everything is
		// written, as before skipping existed.
		boolean diff = unique && stored.exact();
		Map<Integer, StoredElement> storedByPosition = new HashMap<>();
		for (StoredElement row : stored.elements()) {
			storedByPosition.put(row.position(), row);
		}
		List<Encoded> writes = new ArrayList<>();
		for (Encoded element : elements) {
			StoredElement row = storedByPosition.get(element.element().position());
			if (!diff || row == null || !row.holds(element)) {
				writes.add(element);
			}
		}
		List<String> deletes = new ArrayList<>();
		List<Integer> droppedPositions = new ArrayList<>();
		for (StoredElement row : stored.elements()) {
			if (!ids.contains(row.elementId())) {
				deletes.add(row.elementId());
			}
			if (!positions.contains(row.position())) {
				droppedPositions.add(row.position());
			}
		}
		return new Plan(true, writes, deletes, !diff, diff ? writes : elements, diff ? droppedPositions : List.of());
	}

	/**
	 * An element serialized for the tables.
	 *
	 * @param element the element
	 * @param body its JSON, UTF-8
	 * @param hash SHA-256 of the body
	 */
	record Encoded(Element element, ByteBuffer body, byte[] hash) {

		ByteBuffer hashBuffer() {
			return ByteBuffer.wrap(this.hash);
		}

	}

	/**
	 * A stored element row.
	 *
	 * @param position its position (the clustering key of {@code elements_by_page})
	 * @param elementId its element id
	 * @param hash the SHA-256 of its body
	 */
	record StoredElement(int position, String elementId, byte[] hash) {

		boolean holds(Encoded element) {
			return this.elementId.equals(element.element().elementId()) && Arrays.equals(this.hash, element.hash());
		}

	}

	/**
	 * What the element tables hold for a page and stage.
	 *
	 * @param version the version they were last written at, {@code Long.MIN_VALUE} when
	 * nothing is known
	 * @param exact whether {@code elements} are known to be exactly that version's
	 * elements, so that unchanged rows may be skipped
	 * @param elements its rows in position order
	 */
	record Stored(long version, boolean exact, List<StoredElement> elements) {

		static final Stored EMPTY = new Stored(Long.MIN_VALUE, true, List.of());

		/**
		 * What a version leaves in the tables once every write of it is acknowledged.
		 * @param version the version
		 * @param sorted its elements in position order
		 * @return the stored state
		 */
		static Stored written(long version, List<Encoded> sorted) {
			List<StoredElement> rows = new ArrayList<>(sorted.size());
			for (Encoded element : sorted) {
				rows.add(
						new StoredElement(element.element().position(), element.element().elementId(), element.hash()));
			}
			return new Stored(version, true, List.copyOf(rows));
		}

		/**
		 * @param version the version of a delete
		 * @return what the delete leaves: no rows
		 */
		static Stored deleted(long version) {
			return new Stored(version, true, List.of());
		}

		List<String> elementIds() {
			return this.elements.stream().map(StoredElement::elementId).toList();
		}

	}

	/**
	 * What to do to the element tables.
	 *
	 * @param newest whether the version is at least as new as the stored one; an older
	 * one writes no element row at all
	 * @param writes the elements whose {@code element_by_id} rows are written at the
	 * version
	 * @param deletes the element ids whose {@code element_by_id} rows are deleted at
	 * {@code version - 1} (dropped by this version)
	 * @param replacePartition whether {@code elements_by_page} is replaced as a whole
	 * (deleted at {@code version - 1}, every row written), because the stored rows are
	 * not known exactly
	 * @param rows the {@code elements_by_page} rows written at the version
	 * @param droppedPositions the {@code elements_by_page} rows deleted at the version
	 * (positions the stored version had and this one has not)
	 */
	record Plan(boolean newest, List<Encoded> writes, List<String> deletes, boolean replacePartition,
			List<Encoded> rows, List<Integer> droppedPositions) {
	}

}
