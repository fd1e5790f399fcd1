package dev.marquee.page.security;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import dev.marquee.page.PageConstructionProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialsBannerTests {

	@Test
	void namesEveryUserStillOnItsLocalDefault() {
		SecurityConfiguration.CredentialsBanner banner = new SecurityConfiguration.CredentialsBanner(
				properties("marquee-admin-local", "from-env", "marquee-service-local"), new MockEnvironment());
		assertThat(banner.localDefaults()).containsExactly("admin", "marquee-service");
	}

	@Test
	void theProdProfileRefusesLocalDefaults() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecurityConfiguration.CredentialsBanner(
					properties("marquee-admin-local", "x", "y"), prod))
			.withMessageContaining("MARQUEE_ADMIN_PASSWORD");
		new SecurityConfiguration.CredentialsBanner(properties("a", "b", "c"), prod);
	}

	private static PageConstructionProperties properties(String admin, String editor, String service) {
		return new PageConstructionProperties(Path.of(".marquee"), null, null, null, null,
				new PageConstructionProperties.Security(admin, editor, service));
	}

}
