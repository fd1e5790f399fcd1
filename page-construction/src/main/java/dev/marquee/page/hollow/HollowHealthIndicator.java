package dev.marquee.page.hollow;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The Hollow consumer: version held, the announced version, when it last refreshed.
 * Unknown until a state was loaded (nothing announced yet, or the producer unreachable
 * since start); once loaded it stays up while the producer is down, because it keeps
 * serving that version.
 */
@Component("hollowConsumer")
class HollowHealthIndicator extends AbstractHealthIndicator {

	private final HollowPageSource source;

	HollowHealthIndicator(HollowPageSource source) {
		this.source = source;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.source.version() == Long.MIN_VALUE ? builder.unknown() : builder.up()).withDetails(this.source.status());
	}

}
