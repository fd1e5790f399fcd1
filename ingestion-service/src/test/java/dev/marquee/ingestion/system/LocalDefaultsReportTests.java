package dev.marquee.ingestion.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import dev.marquee.ingestion.IngestionProperties;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalDefaultsReportTests {

	private static IngestionProperties properties(String adminPassword) {
		return new IngestionProperties(
				new IngestionProperties.Security(adminPassword, "e-from-env", "s-from-env"),
				new IngestionProperties.Webhooks(DataSize.ofMegabytes(1), Duration.ofMinutes(5), Duration.ofSeconds(30),
						"m-from-env", "c-from-env", "s-from-env", "t-from-env"),
				new IngestionProperties.WritePaths(Set.of(IngestionProperties.WritePath.KAFKA),
						new IngestionProperties.Kafka(Duration.ofSeconds(10)), new IngestionProperties.Hollow(
								URI.create("http://127.0.0.1:8083"), Duration.ofSeconds(2), Duration.ofSeconds(15))),
				new IngestionProperties.Cdn("https://cdn.test", List.of(320)));
	}

	@Test
	void prodProfileRefusesToStartWithALocalDefault() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");

		assertThatIllegalStateException()
			.isThrownBy(() -> new LocalDefaultsReport(properties(IngestionProperties.LOCAL_ADMIN_PASSWORD), environment)
				.report())
			.withMessageContaining("MARQUEE_ADMIN_PASSWORD");
	}

	@Test
	void prodProfileStartsWhenEverythingComesFromTheEnvironment() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");

		assertThatCode(() -> new LocalDefaultsReport(properties("a-from-env"), environment).report())
			.doesNotThrowAnyException();
	}

	@Test
	void localDefaultsAreOnlyReportedOutsideProd() {
		assertThatCode(() -> new LocalDefaultsReport(properties(IngestionProperties.LOCAL_ADMIN_PASSWORD),
				new MockEnvironment())
			.report()).doesNotThrowAnyException();
	}

}
