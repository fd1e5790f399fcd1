package dev.marquee.page.cassandra;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Page construction's own driver setting (service-support tunes reconnection for every
 * service). By default the driver treats every statement as non-idempotent, so a request
 * cut off by its coordinator's death (a node killed mid-request) fails instead of going
 * to the next node. Every statement page construction sends is a read or a plain upsert
 * of the read-path choice, safe to send twice, so a node's crash must not fail a read.
 * Not shared: ingestion's slug claims are lightweight transactions, which must not be
 * resent blindly.
 */
@Configuration(proxyBeanMethods = false)
class CassandraDriverConfiguration {

	@Bean
	DriverConfigLoaderBuilderCustomizer idempotentRequests() {
		return (builder) -> builder.withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true);
	}

}
