package dev.marquee.ingestion.store;

import java.time.Duration;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;

import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings for recovering from an outage quickly: the driver's default reconnection back-off grows to a
 * minute, which would answer webhooks with 503 long after Cassandra is back.
 */
@Configuration(proxyBeanMethods = false)
class CassandraDriverConfiguration {

	@Bean
	DriverConfigLoaderBuilderCustomizer fastReconnection() {
		return (builder) -> builder.withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
			.withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2));
	}

}
