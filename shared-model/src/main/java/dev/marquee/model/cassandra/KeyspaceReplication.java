package dev.marquee.model.cassandra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a keyspace is replicated: {@code SimpleStrategy} with one factor (a single local
 * node) or {@code NetworkTopologyStrategy} with a factor per data center (any real
 * cluster).
 *
 * <p>
 * Written as one setting ({@code marquee.cassandra.replication}, environment
 * {@code MARQUEE_CASSANDRA_REPLICATION}): {@code SimpleStrategy:1}, or
 * {@code NetworkTopologyStrategy:datacenter1=3} ({@code dc1=3,dc2=3} for several data
 * centers).
 *
 * @param strategy {@value #SIMPLE} or {@value #NETWORK_TOPOLOGY}
 * @param factors the replication factor: under the key {@code replication_factor} for
 * {@value #SIMPLE}, per data center for {@value #NETWORK_TOPOLOGY}
 */
public record KeyspaceReplication(String strategy, Map<String, Integer> factors) {

	/** One replica wherever the key falls: for one local node only. */
	public static final String SIMPLE = "SimpleStrategy";

	/**
	 * Replicas per data center, placed on distinct racks: the strategy for every cluster.
	 */
	public static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";

	/** The single-node default: {@code SimpleStrategy}, replication factor 1. */
	public static final KeyspaceReplication SINGLE_NODE = new KeyspaceReplication(SIMPLE,
			Map.of("replication_factor", 1));

	public KeyspaceReplication {
		if (!strategy.equals(SIMPLE) && !strategy.equals(NETWORK_TOPOLOGY)) {
			throw new IllegalArgumentException(
					"unknown replication strategy '" + strategy + "': use " + SIMPLE + " or " + NETWORK_TOPOLOGY);
		}
		if (factors.isEmpty() || factors.values().stream().anyMatch((factor) -> factor < 1)) {
			throw new IllegalArgumentException("replication factors must be at least 1: " + factors);
		}
		if (strategy.equals(SIMPLE) && !factors.keySet().equals(java.util.Set.of("replication_factor"))) {
			throw new IllegalArgumentException(SIMPLE + " takes one replication factor: " + factors);
		}
		factors = Map.copyOf(factors);
	}

	/**
	 * {@code NetworkTopologyStrategy} with the same factor in one data center.
	 * @param datacenter the data center
	 * @param factor its replication factor
	 * @return the replication
	 */
	public static KeyspaceReplication networkTopology(String datacenter, int factor) {
		return new KeyspaceReplication(NETWORK_TOPOLOGY, Map.of(datacenter, factor));
	}

	/**
	 * Reads the setting's form: {@code SimpleStrategy:1} or
	 * {@code NetworkTopologyStrategy:dc1=3,dc2=3}.
	 * @param setting the setting
	 * @return the replication
	 */
	public static KeyspaceReplication parse(String setting) {
		String value = setting.strip();
		int colon = value.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("replication '" + setting
					+ "' must read SimpleStrategy:<factor> or NetworkTopologyStrategy:<dc>=<factor>[,<dc>=<factor>]");
		}
		String strategy = canonical(value.substring(0, colon).strip());
		String rest = value.substring(colon + 1).strip();
		if (strategy.equals(SIMPLE)) {
			return new KeyspaceReplication(SIMPLE, Map.of("replication_factor", factor(rest, setting)));
		}
		Map<String, Integer> factors = new LinkedHashMap<>();
		for (String entry : rest.split(",")) {
			String[] parts = entry.split("=");
			if (parts.length != 2 || parts[0].isBlank()) {
				throw new IllegalArgumentException(
						"replication '" + setting + "': '" + entry + "' must read <dc>=<factor>");
			}
			factors.put(parts[0].strip(), factor(parts[1], setting));
		}
		return new KeyspaceReplication(strategy, factors);
	}

	private static String canonical(String strategy) {
		String lower = strategy.toLowerCase(Locale.ROOT);
		if (lower.equals("simplestrategy") || lower.equals("simple")) {
			return SIMPLE;
		}
		if (lower.equals("networktopologystrategy") || lower.equals("network-topology")) {
			return NETWORK_TOPOLOGY;
		}
		return strategy;
	}

	private static int factor(String value, String setting) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("replication '" + setting + "': '" + value + "' is not a number", ex);
		}
	}

	/**
	 * @return the CQL map literal, e.g. {@code {'class': 'NetworkTopologyStrategy',
	 * 'datacenter1': 3}}
	 */
	public String cql() {
		StringBuilder cql = new StringBuilder("{'class': '").append(this.strategy).append('\'');
		new TreeMap<>(this.factors)
			.forEach((key, factor) -> cql.append(", '").append(key).append("': ").append(factor));
		return cql.append('}').toString();
	}

	/**
	 * Whether a keyspace's replication as Cassandra reports it
	 * ({@code system_schema.keyspaces.replication}, e.g.
	 * {@code class=org.apache.cassandra.locator.SimpleStrategy, replication_factor=1}) is
	 * this one.
	 * @param existing the reported replication map
	 * @return {@code true} when strategy and every factor match
	 */
	public boolean matches(Map<String, String> existing) {
		String existingClass = existing.getOrDefault("class", "");
		String simpleClass = existingClass.substring(existingClass.lastIndexOf('.') + 1);
		if (!simpleClass.equals(this.strategy)) {
			return false;
		}
		Map<String, Integer> existingFactors = new TreeMap<>();
		for (Map.Entry<String, String> entry : existing.entrySet()) {
			if (!entry.getKey().equals("class")) {
				try {
					existingFactors.put(entry.getKey(), Integer.parseInt(entry.getValue().strip()));
				}
				catch (NumberFormatException ex) {
					// e.g. '3/1' with transient replicas: never what Marquee configures.
					return false;
				}
			}
		}
		return existingFactors.equals(new TreeMap<>(this.factors));
	}

	@Override
	public String toString() {
		return this.strategy + ":"
				+ (this.strategy.equals(SIMPLE) ? String.valueOf(this.factors.get("replication_factor"))
						: String.join(",",
								new TreeMap<>(this.factors).entrySet()
									.stream()
									.map((entry) -> entry.getKey() + "=" + entry.getValue())
									.toList()));
	}

}
