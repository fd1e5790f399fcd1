package dev.marquee.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The shape of a local platform: one node of Kafka and Cassandra or a 3-node cluster of
 * each, and how many page-construction replicas. Saved in {@code <home>/run/topology} by
 * {@code up}, so that {@code status} and {@code down} cover whatever was started without
 * being told the options again.
 *
 * @param cluster 3 Cassandra nodes and 3 Kafka brokers instead of one of each
 * @param pageReplicas page-construction instances (at least 1)
 */
record Topology(boolean cluster, int pageReplicas) {

	static final Topology SINGLE = new Topology(false, 1);

	Topology {
		if (pageReplicas < 1) {
			throw new IllegalArgumentException("--page-replicas must be at least 1");
		}
	}

	/**
	 * @param options command-line options ({@code --cluster}, {@code --page-replicas N})
	 * @param saved what a running platform was started with, the fallback for an option
	 * not given
	 * @return the topology asked for
	 */
	static Topology of(List<String> options, Topology saved) {
		boolean cluster = options.contains("--cluster") || saved.cluster();
		int replicas = saved.pageReplicas();
		int at = options.indexOf("--page-replicas");
		if (at >= 0) {
			if (at + 1 >= options.size()) {
				throw new IllegalArgumentException("--page-replicas needs a number");
			}
			try {
				replicas = Integer.parseInt(options.get(at + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--page-replicas needs a number, not " + options.get(at + 1));
			}
		}
		return new Topology(cluster, replicas);
	}

	static Topology read(Path home) {
		Path file = file(home);
		if (!Files.isRegularFile(file)) {
			return SINGLE;
		}
		Properties properties = new Properties();
		try (var in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Topology(Boolean.parseBoolean(properties.getProperty("cluster", "false")),
				Integer.parseInt(properties.getProperty("page-replicas", "1")));
	}

	void write(Path home) {
		try {
			Files.createDirectories(file(home).getParent());
			Files.writeString(file(home), "cluster=" + this.cluster + "\npage-replicas=" + this.pageReplicas + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path file(Path home) {
		return home.resolve("run/topology");
	}

}
