package dev.marquee.page.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageControllerTests {

	@Test
	void gzipIsAcceptedWhenNamedOrByWildcardWithAPositiveQuality() {
		assertThat(PageController.acceptsGzip("gzip")).isTrue();
		assertThat(PageController.acceptsGzip("br, GZIP;q=0.5")).isTrue();
		assertThat(PageController.acceptsGzip("deflate, *")).isTrue();
		assertThat(PageController.acceptsGzip("gzip;q=1.0, identity; q=0.5")).isTrue();
	}

	@Test
	void gzipIsRefusedWhenAbsentOrWithQualityZeroOrUnreadable() {
		assertThat(PageController.acceptsGzip(null)).isFalse();
		assertThat(PageController.acceptsGzip("")).isFalse();
		assertThat(PageController.acceptsGzip("br, deflate")).isFalse();
		assertThat(PageController.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(PageController.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(PageController.acceptsGzip("gzip;q=high")).isFalse();
		assertThat(PageController.acceptsGzip("x-gzip")).isFalse();
	}

	@Test
	void eitherRepresentationsTagMatchesWeaklyOrByWildcard() {
		assertThat(PageController.matches("\"42\"", "42")).isTrue();
		assertThat(PageController.matches("\"42-gzip\"", "42")).isTrue();
		assertThat(PageController.matches("W/\"42\"", "42")).isTrue();
		assertThat(PageController.matches("\"7\", \"42\"", "42")).isTrue();
		assertThat(PageController.matches("*", "42")).isTrue();
	}

	@Test
	void otherVersionsDoNotMatch() {
		assertThat(PageController.matches(null, "42")).isFalse();
		assertThat(PageController.matches("\"420\"", "42")).isFalse();
		assertThat(PageController.matches("\"4\", \"2\"", "42")).isFalse();
		assertThat(PageController.matches("42", "42")).isFalse();
		assertThat(PageController.matches("\"42-br\"", "42")).isFalse();
	}

}
