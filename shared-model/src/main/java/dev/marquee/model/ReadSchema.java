package dev.marquee.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import dev.marquee.model.cassandra.CqlScript;

/**
 * The Cassandra read tables of the Kafka → Cassandra path. The data consumer writes them,
 * page construction reads them; both apply the same CQL
 * ({@code dev/marquee/model/cassandra/read-schema.cql}).
 */
public final class ReadSchema {

	/** The keyspace of the read tables. */
	public static final String KEYSPACE = "marquee_read";

	private ReadSchema() {
	}

	/**
	 * The schema's statements, each idempotent ({@code IF NOT EXISTS}), in the order to
	 * run them: the keyspace with the single-node replication ({@code SimpleStrategy} 1),
	 * then the tables. A cluster creates the keyspace with its configured replication
	 * instead ({@code dev.marquee.model.cassandra.Keyspaces}) and then runs
	 * {@link #tableStatements()}.
	 * @return CQL statements without their trailing semicolons
	 */
	public static List<String> statements() {
		return CqlScript.statements(ReadSchema.class, "cassandra/read-schema.cql");
	}

	/**
	 * The tables only, for a keyspace created with its configured replication.
	 * @return CQL statements without their trailing semicolons
	 */
	public static List<String> tableStatements() {
		return statements().stream().filter((statement) -> !statement.startsWith("CREATE KEYSPACE")).toList();
	}

	/**
	 * The digest that names a version's elements, for the page-level torn-read check:
	 * SHA-256 over the {@code body_sha256} of every element in position order. The body
	 * is the whole element JSON (id, type and position included), so two lists of
	 * elements have the same digest only when they are equal. The data consumer writes it
	 * with the page row; page construction recomputes it from the element rows it read
	 * and treats a mismatch as a torn read.
	 * @param bodyHashes the elements' body hashes (32 bytes each) in position order;
	 * read, not consumed
	 * @return the digest, 32 bytes
	 */
	public static ByteBuffer elementsDigest(List<ByteBuffer> bodyHashes) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
		for (ByteBuffer hash : bodyHashes) {
			digest.update(hash.duplicate());
		}
		return ByteBuffer.wrap(digest.digest());
	}

}
