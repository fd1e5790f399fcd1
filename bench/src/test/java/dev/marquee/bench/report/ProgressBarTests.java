package dev.marquee.bench.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTests {

	@Test
	void showsFractionRateAndTimeLeft() {
		String line = ProgressBar.render("edits", 500, 1000, 25.0);
		assertThat(line).startsWith("edits        [###############...............]  50% 500/1000  20.0/s  eta 25s");
	}

	@Test
	void showsElapsedTimeWhenDone() {
		assertThat(ProgressBar.render("edits", 1000, 1000, 50.0)).contains("100% 1000/1000").contains("50s");
	}

	@Test
	void redrawsOnOneLineAndEndsIt() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "load", 10)) {
			bar.update(10);
		}
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(out).startsWith("\r").endsWith("\n").contains("10/10");
	}

}
