package dev.marquee.hollowproducer.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import dev.marquee.hollowproducer.HollowProducerProperties;
import dev.marquee.hollowproducer.HollowProducerProperties.Security;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LocalCredentialsReportTests {

	private static final Security LOCAL_DEFAULTS = new Security(Security.LOCAL_ADMIN_PASSWORD,
			Security.LOCAL_EDITOR_PASSWORD, Security.LOCAL_SERVICE_PASSWORD);

	@Test
	void localDefaultsAreAcceptedOutsideProd() {
		assertThatNoException().isThrownBy(() -> report(LOCAL_DEFAULTS, new MockEnvironment()).afterPropertiesSet());
	}

	@Test
	void prodRefusesAnyLocalDefault() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		Security oneDefault = new Security("a-real-secret", "another-secret", Security.LOCAL_SERVICE_PASSWORD);
		assertThatIllegalStateException().isThrownBy(() -> report(oneDefault, prod).afterPropertiesSet())
			.withMessageContaining("MARQUEE_SERVICE_PASSWORD");
	}

	@Test
	void prodStartsWithPasswordsFromTheEnvironment() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		Security fromEnvironment = new Security("s1", "s2", "s3");
		assertThatNoException().isThrownBy(() -> report(fromEnvironment, prod).afterPropertiesSet());
	}

	private static LocalCredentialsReport report(Security security, MockEnvironment environment) {
		HollowProducerProperties properties = new HollowProducerProperties(
				new HollowProducerProperties.Hollow(java.nio.file.Path.of("unused"), 5, 3, java.time.Duration.ofSeconds(1),
						1000, 10000, java.time.Duration.ofSeconds(60), true,
						new HollowProducerProperties.Log(java.nio.file.Path.of("unused-log"),
								org.springframework.util.unit.DataSize.ofMegabytes(16), 1000,
								org.springframework.util.unit.DataSize.ofMegabytes(8))),
				security);
		return new LocalCredentialsReport(properties, environment);
	}

}
