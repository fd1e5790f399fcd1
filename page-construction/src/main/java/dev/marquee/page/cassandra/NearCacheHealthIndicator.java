package dev.marquee.page.cassandra;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The near cache: size, refresh progress, failures. Down until its first full load, since
 * until then every published read is a Cassandra read.
 */
@Component("nearCache")
class NearCacheHealthIndicator extends AbstractHealthIndicator {

	private final CassandraPageSource source;

	NearCacheHealthIndicator(CassandraPageSource source) {
		this.source = source;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		NearCache.Stats stats = this.source.nearCacheStats();
		(stats.warm() ? builder.up() : builder.outOfService()).withDetail("size", stats.size())
			.withDetail("bytes", stats.bytes())
			.withDetail("refreshInterval", stats.refreshInterval().toString())
			.withDetail("perKeyDelay", stats.perKeyDelay().toString())
			.withDetail("cycles", stats.cycles())
			.withDetail("cycleProgress", stats.cyclePosition() + "/" + stats.cycleKeys())
			.withDetail("lastCycleStarted", String.valueOf(stats.lastCycleStarted()))
			.withDetail("lastCycleDuration", String.valueOf(stats.lastCycleDuration()))
			.withDetail("failures", stats.failures());
	}

}
