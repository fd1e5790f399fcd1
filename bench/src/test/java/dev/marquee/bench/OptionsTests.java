package dev.marquee.bench;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void readsSpaceAndEqualsSeparatedValuesWithDefaults() {
		Options options = Options.parse(List.of("--rate", "50", "--elements=1m", "--duration", "90s", "--out", "x"));
		assertThat(options.decimal("rate", 20)).isEqualTo(50);
		assertThat(options.longValue("elements", 100)).isEqualTo(1_000_000);
		assertThat(options.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
		assertThat(options.string("out", "bench-results")).isEqualTo("x");
		assertThat(options.integer("edits", 1000)).isEqualTo(1000);
		options.rejectUnknown();
	}

	@Test
	void parsesDurationsInMillisecondsSecondsMinutesOrPlainSeconds() {
		assertThat(Options.parseDuration("d", "500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Options.parseDuration("d", "1.5s")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Options.parseDuration("d", "2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Options.parseDuration("d", "3")).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void acceptsThousandsShorthands() {
		assertThat(Options.parse(List.of("--elements", "100k")).longValue("elements", 0)).isEqualTo(100_000);
		assertThat(Options.parse(List.of("--elements", "100_000")).longValue("elements", 0)).isEqualTo(100_000);
	}

	@Test
	void rejectsOptionsNoScenarioReads() {
		Options options = Options.parse(List.of("--rat", "50"));
		options.decimal("rate", 20);
		assertThatIllegalArgumentException().isThrownBy(options::rejectUnknown)
			.withMessageContaining("--rat")
			.withMessageContaining("--rate");
	}

	@Test
	void rejectsMalformedValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse(List.of("--edits", "many")).integer("edits", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("rate")));
	}

	@Test
	void treatsAnOptionWithoutValueAsAFlag() {
		assertThat(Options.parse(List.of("--verbose")).flag("verbose")).isTrue();
	}

}
