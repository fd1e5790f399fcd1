package dev.marquee.support.localdefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The one startup report of local defaults, over every {@link LocalDefaults} bean of the
 * service.
 */
@AutoConfiguration
public class LocalDefaultsAutoConfiguration {

	@Bean
	LocalDefaultsReport localDefaultsReport(ObjectProvider<LocalDefaults> sources, Environment environment) {
		return new LocalDefaultsReport(sources.orderedStream().toList(), environment);
	}

}
