package dev.marquee.page.cassandra;

import java.time.Duration;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;

import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings for a read service on a cluster. The driver's default reconnection back-off grows to a minute,
 * which would keep the Kafka → Cassandra path failing long after Cassandra is back. And by default the driver
 * treats every statement as non-idempotent, so a request cut off by its coordinator's death (a node killed
 * mid-request) fails instead of going to the next node: every statement page construction sends is a read or a
 * plain upsert of the read-path choice, safe to send twice, so a node's crash must not fail a read.
 */
@Configuration(proxyBeanMethods = false)
class CassandraDriverConfiguration {

	@Bean
	DriverConfigLoaderBuilderCustomizer fastReconnection() {
		return (builder) -> builder.withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
			.withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2));
	}

	@Bean
	DriverConfigLoaderBuilderCustomizer idempotentRequests() {
		return (builder) -> builder.withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true);
	}

}
