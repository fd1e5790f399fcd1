package dev.marquee.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityPollerTests {

	@Test
	void pollsQuicklyAtFirstThenInProportionToTheWait() {
		assertThat(VisibilityPoller.nextDelayMillis(0)).isEqualTo(2);
		assertThat(VisibilityPoller.nextDelayMillis(100)).isEqualTo(10);
		assertThat(VisibilityPoller.nextDelayMillis(15_000)).isEqualTo(1_500);
		assertThat(VisibilityPoller.nextDelayMillis(60_000)).isEqualTo(2_000);
	}

}
