package dev.marquee.model.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CQL schema kept as a classpath resource ({@code read-schema.cql}, the ingestion
 * service's {@code write-schema.cql}), read as the statements to run in order.
 */
public final class CqlScript {

	private CqlScript() {
	}

	/**
	 * Reads a script's statements.
	 * @param owner the class the resource name is relative to
	 * @param resource the resource, e.g. {@code cassandra/read-schema.cql}
	 * @return CQL statements without their trailing semicolons, comments dropped
	 */
	public static List<String> statements(Class<?> owner, String resource) {
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " missing beside " + owner.getName());
			}
			String cql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// Comments may contain semicolons, so drop them before splitting into
			// statements.
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

}
