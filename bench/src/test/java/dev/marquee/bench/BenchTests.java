package dev.marquee.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final PrintStream console = new PrintStream(this.out, true, StandardCharsets.UTF_8);

	@Test
	void printsUsageWithoutAScenario() {
		assertThat(Bench.run(List.of(), this.console)).isEqualTo(2);
		assertThat(output()).contains("propagation", "pages", "preview", "memory", "scale", "soak");
	}

	@Test
	void refusesAnUnknownScenario() {
		assertThat(Bench.run(List.of("speed"), this.console)).isEqualTo(2);
		assertThat(output()).contains("unknown scenario 'speed'");
	}

	@Test
	void refusesAnUnknownOptionBeforeTouchingThePlatform() {
		assertThat(Bench.run(List.of("memory", "--elemnts", "5"), this.console)).isEqualTo(2);
		assertThat(output()).contains("unknown option(s) [--elemnts]");
	}

	@Test
	void refusesAnUnknownSoakOptionBeforeTouchingThePlatform() {
		assertThat(Bench.run(List.of("soak", "--edit-rte", "5"), this.console)).isEqualTo(2);
		assertThat(output()).contains("unknown option(s) [--edit-rte]", "--edit-rate", "--read-rate", "--sample-every");
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
