package dev.marquee.page.cassandra;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of Cassandra as this service sees it. Replaces Boot's driver indicator, whose
 * eager session would stop page construction from starting while Cassandra is down.
 */
@Component("cassandra")
class CassandraHealthIndicator extends AbstractHealthIndicator {

	private final ReadTables tables;

	CassandraHealthIndicator(ReadTables tables) {
		super("Cassandra health check failed");
		this.tables = tables;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("version", this.tables.releaseVersion());
	}

}
