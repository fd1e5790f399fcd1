package dev.marquee.page;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.marquee.page.source.ConsistencyWait;

/**
 * Time-related beans, replaceable in tests.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ConsistencyWait consistencyWait(Clock clock) {
		return new ConsistencyWait(clock, ConsistencyWait.Pauser.parking());
	}

}
