package dev.marquee.page.cassandra;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CassandraDriverConfigurationTests {

	@Test
	void readsAreIdempotentSoTheDriverRetriesThemOnAnotherNodeWhenACoordinatorDies() {
		ProgrammaticDriverConfigLoaderBuilder builder = DriverConfigLoader.programmaticBuilder();
		try (DriverConfigLoader defaults = builder.build()) {
			assertThat(defaults.getInitialConfig()
				.getDefaultProfile()
				.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).as("the driver's default").isFalse();
		}

		new CassandraDriverConfiguration().idempotentRequests().customize(builder);

		try (DriverConfigLoader loader = builder.build()) {
			assertThat(loader.getInitialConfig()
				.getDefaultProfile()
				.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).isTrue();
		}
	}

}
