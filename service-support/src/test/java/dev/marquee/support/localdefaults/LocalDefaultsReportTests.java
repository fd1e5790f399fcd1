package dev.marquee.support.localdefaults;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalDefaultsReportTests {

	private static final LocalDefaults PASSWORD = () -> List
		.of(new LocalDefault("MARQUEE_ADMIN_PASSWORD", "user admin / password", "marquee-admin-local"));

	private static final LocalDefaults SECRET = () -> List
		.of(new LocalDefault("MARQUEE_WEBHOOK_SECRET_MARQUEE", "native webhook secret", "local-secret"));

	private static final LocalDefaults NONE = List::of;

	@Test
	void reportsTheLocalDefaultsOfEveryConcernOutsideProd() {
		LocalDefaultsReport report = new LocalDefaultsReport(List.of(PASSWORD, NONE, SECRET), new MockEnvironment());

		assertThat(report.report()).extracting(LocalDefault::variable)
			.containsExactly("MARQUEE_ADMIN_PASSWORD", "MARQUEE_WEBHOOK_SECRET_MARQUEE");
	}

	@Test
	void prodRefusesAnyLocalDefaultAndNamesItsVariable() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		assertThatIllegalStateException()
			.isThrownBy(() -> new LocalDefaultsReport(List.of(NONE, SECRET), prod).afterSingletonsInstantiated())
			.withMessageContaining("MARQUEE_WEBHOOK_SECRET_MARQUEE");
	}

	@Test
	void prodStartsWhenEverythingComesFromTheEnvironment() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		assertThat(new LocalDefaultsReport(List.of(NONE), prod).report()).isEmpty();
	}

	@Test
	void aSettingIsALocalDefaultOnlyWhenItEqualsIt() {
		List<LocalDefault> defaults = new ArrayList<>();
		LocalDefault.add(defaults, "A", "a", "from-env", "local");
		LocalDefault.add(defaults, "B", "b", "local", "local");

		assertThat(defaults).containsExactly(new LocalDefault("B", "b", "local"));
	}

}
