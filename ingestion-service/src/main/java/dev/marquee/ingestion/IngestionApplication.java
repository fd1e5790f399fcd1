package dev.marquee.ingestion;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import dev.marquee.model.ContentVersionClock;

/**
 * Starts the ingestion service (port 8081 by default).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestionApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestionApplication.class, args);
	}

	@Bean
	@ConfigurationPropertiesBinding
	static WritePathsShorthand writePathsShorthand() {
		return new WritePathsShorthand();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ContentVersionClock contentVersionClock(Clock clock) {
		return new ContentVersionClock(clock);
	}

}
