package dev.marquee.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Cassandra read tables of the Kafka → Cassandra path. The data consumer writes them, page construction
 * reads them; both apply the same CQL ({@code dev/marquee/model/cassandra/read-schema.cql}).
 */
public final class ReadSchema {

	/** The keyspace of the read tables. */
	public static final String KEYSPACE = "marquee_read";

	private ReadSchema() {
	}

	/**
	 * The schema's statements, each idempotent ({@code IF NOT EXISTS}), in the order to run them: the keyspace
	 * with the single-node replication ({@code SimpleStrategy} 1), then the tables. A cluster creates the keyspace
	 * with its configured replication instead ({@code dev.marquee.model.cassandra.Keyspaces}) and then runs
	 * {@link #tableStatements()}.
	 * @return CQL statements without their trailing semicolons
	 */
	public static List<String> statements() {
		try (InputStream in = ReadSchema.class.getResourceAsStream("cassandra/read-schema.cql")) {
			if (in == null) {
				throw new IllegalStateException("read-schema.cql missing from the shared-model jar");
			}
			String cql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// Comments may contain semicolons, so drop them before splitting into statements.
			String withoutComments = cql.lines()
				.filter((line) -> !line.strip().startsWith("--"))
				.collect(Collectors.joining("\n"));
			return Arrays.stream(withoutComments.split(";"))
				.map(String::strip)
				.filter((statement) -> !statement.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The tables only, for a keyspace created with its configured replication.
	 * @return CQL statements without their trailing semicolons
	 */
	public static List<String> tableStatements() {
		return statements().stream().filter((statement) -> !statement.startsWith("CREATE KEYSPACE")).toList();
	}

}
