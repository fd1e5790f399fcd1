package dev.marquee.support.cassandra;

import java.time.Duration;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Driver settings for recovering from an outage quickly: the driver's default
 * reconnection back-off grows to a minute, which would keep a service answering 503 (or a
 * consumer blocked) long after Cassandra is back.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration")
@ConditionalOnClass({ DriverConfigLoaderBuilderCustomizer.class, DefaultDriverOption.class })
public class CassandraDriverAutoConfiguration {

	@Bean
	DriverConfigLoaderBuilderCustomizer fastReconnection() {
		return (builder) -> builder.withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
			.withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2));
	}

}
